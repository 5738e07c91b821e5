"""SCIM 2.0 at /scim/v2 (RFC 7643, RFC 7644): the directory kept current by a provisioning service
such as Entra ID's. Users and Groups (create, read, list with an `eq` filter, replace, patch,
delete), and the discovery endpoints.

Over ~400 lines because RFC 7644's PATCH, filter and error rules for two resource types belong
together; the resource mapping itself is in govern.people.provisioning.

Only a key with the `provisioning` role may call it (and that key can do nothing else). Every
answer is `application/scim+json`, and every error is a SCIM Error message with its status.
A person made inactive or deleted loses every grant in the same transaction; a mover's grants are
decided again by the pack in force (govern.people.lifecycle).
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from pydantic import ValidationError
from scim2_models import (
    Context,
    Error,
    Group,
    ListResponse,
    PatchOp,
    ResourceType,
    ResponseParameters,
    Schema,
    SCIMException,
    ScimFilter,
    SearchRequest,
)
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from govern import metrics
from govern.errors import RequestError
from govern.ids import new_id
from govern.inputs import loads
from govern.people.lifecycle import redecide_movers
from govern.people.provisioning import (
    CONFIG,
    MAX_BODY,
    MAX_RESULTS,
    POLICY,
    PROVIDER,
    ScimUser,
    etag,
    group_record,
    group_resource,
    manager_refs,
    user_record,
    user_resource,
)
from govern.store.base import StoreUnavailable
from govern.store.directory import (
    GROUP_FILTERS,
    USER_FILTERS,
    Change,
    Conflict,
    DirectoryRecords,
    InvalidRecord,
    NotFound,
    Stale,
)
from govern.store.sql import SqlStore

log = logging.getLogger("govern.scim")

PROVISIONING = "provisioning"  # the role: SCIM, and nothing else
MEDIA = "application/scim+json"
PREFIX = "/scim/v2"
PATCH_ATTEMPTS = 5
MAX_START = 2**31 - 1


class ScimError(Exception):
    def __init__(self, status: int, detail: str, scim_type: str | None = None) -> None:
        super().__init__(detail)
        self.status, self.detail, self.scim_type = status, detail, scim_type


def scim_response(body: dict[str, Any], status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(json.dumps(body), status_code=status, media_type=MEDIA, headers=headers)


def error_response(status: int, detail: str, scim_type: str | None = None) -> Response:
    metrics.ERRORS.labels(code=f"scim_{scim_type or status}").inc()
    error = Error(status=status, scim_type=scim_type, detail=detail)
    return scim_response(error.model_dump(), status)


class ScimRoute(APIRoute):
    """Routes whose every failure is a SCIM Error: FastAPI's and the library's errors included."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def guarded(request: Request) -> Response:
            try:
                return await handler(request)
            except ScimError as exc:
                return error_response(exc.status, exc.detail, exc.scim_type)
            except InvalidRecord as exc:  # a value the directory cannot hold
                return error_response(400, str(exc), "invalidValue")
            except SCIMException as exc:
                error = exc.to_error()
                return error_response(int(error.status or 400), error.detail or str(exc), error.scim_type)
            except ValidationError as exc:
                first = Error.from_validation_errors(exc)[0]
                return error_response(400, first.detail or "invalid request", first.scim_type)
            except RequestValidationError as exc:
                return error_response(400, "; ".join(str(e.get("msg")) for e in exc.errors()), "invalidValue")
            except StoreUnavailable as exc:
                log.warning("store unavailable: %s", exc)
                return error_response(503, "the database is unavailable; nothing was recorded, retry")
            except HTTPException as exc:
                return error_response(exc.status_code, str(exc.detail))
            except Exception:  # a safety net: logged, and still a SCIM error
                log.exception("SCIM request failed")
                return error_response(500, "internal error; it has been logged")

        return guarded


# --- the caller ---------------------------------------------------------------------------------


def _caller(request: Request) -> str:
    """The name of the provisioning key calling (ScimError 401/403 otherwise)."""
    service = request.app.state.service
    if service.open_access:  # no keys at all, loopback only: as open as the rest of the service
        return "anonymous"
    header = request.headers.get("authorization", "")
    secret = header[7:].strip() if header.lower().startswith("bearer ") else ""
    if not secret:
        raise ScimError(401, "a provisioning key is required (Authorization: Bearer KEY)")
    key = service.store.key_for(hashlib.sha256(secret.encode()).hexdigest())
    if key is None:
        raise ScimError(401, "unknown key")
    if key.role != PROVISIONING:
        raise ScimError(403, f"SCIM needs a key with the {PROVISIONING} role; this key has {key.role}")
    return str(key.name)


def _records(request: Request) -> DirectoryRecords:
    store = request.app.state.service.store
    if not isinstance(store, SqlStore):
        raise ScimError(501, "this store keeps no directory")
    return DirectoryRecords(store)


def _base(request: Request) -> str:
    return str(request.base_url).rstrip("/") + PREFIX


async def _body(request: Request) -> Any:
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media not in (MEDIA, "application/json"):
        raise ScimError(415, f"the body must be {MEDIA} (or application/json), not {media or 'missing'}")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY:
        raise ScimError(413, f"the body is over {MAX_BODY:,} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():  # read as it comes: a chunked body has no length to check
        size += len(chunk)
        if size > MAX_BODY:
            raise ScimError(413, f"the body is over {MAX_BODY:,} bytes")
        chunks.append(chunk)
    raw = b"".join(chunks)
    try:
        return manager_refs(loads(raw, "SCIM request"), _base(request))
    except RequestError as exc:
        raise ScimError(400, str(exc), "invalidSyntax") from None


def _expected_version(request: Request) -> int | None:
    """The version an If-Match header names (W/"3" -> 3), or None without one."""
    header = request.headers.get("if-match", "").strip()
    if not header or header == "*":
        return None
    text = header.removeprefix("W/").strip('"')
    if not text.isdigit():
        raise ScimError(412, f"If-Match {header[:40]!r} names no version of this resource")
    return int(text)


def _of(generic: Any, model: Any) -> Any:
    """`generic[model]`, for a model chosen at run time (User[EnterpriseUser] or Group)."""
    return generic[model]


# --- the two resources -------------------------------------------------------------------------


@dataclass(frozen=True)
class Kind:
    name: str  # User, Group
    model: Any
    filters: dict[str, Any]

    def record(self, resource: Any, rid: str) -> Any:
        return user_record(resource, rid) if self.name == "User" else group_record(resource, rid)

    def resource(self, record: Any, base: str) -> Any:
        return user_resource(record, base) if self.name == "User" else group_resource(record, base)

    def find(self, records: DirectoryRecords, rid: str) -> Any:
        found = records.user(rid) if self.name == "User" else records.group(rid)
        if found is None:
            raise ScimError(404, f"no {self.name} {rid[:200]}")
        return found


USERS = Kind("User", ScimUser, USER_FILTERS)
GROUPS = Kind("Group", Group, GROUP_FILTERS)


def _query(kind: Kind, text: str | None) -> tuple[str | None, str | None]:
    """The attribute and value of a filter this service answers: `ATTR eq "value"`."""
    if text is None or not text.strip():
        return None, None
    if len(text) > 1000:
        raise ScimError(400, "the filter is over 1,000 characters", "invalidFilter")
    node = _of(ScimFilter, kind.model)(text).ast  # InvalidFilterException: 400 invalidFilter
    path, op, value = (getattr(node, a, None) for a in ("attr_path", "op", "value"))
    names = {n.lower(): n for n in kind.filters}
    schema = str(kind.model.__schema__).lower()
    if (
        path is None
        or str(op) != "eq"
        or path.sub_attr is not None
        or (path.uri is not None and str(path.uri).lower() != schema)
        or path.attr.lower() not in names
        or not isinstance(value, str)
    ):
        supported = ", ".join(f'{n} eq "..."' for n in kind.filters)
        raise ScimError(400, f"this service filters {kind.name}s with {supported} only", "invalidFilter")
    return names[path.attr.lower()], value


def _window(start: str | None, count: str | None) -> tuple[int, int]:
    def number(name: str, text: str | None, default: int) -> int:
        if text is None or text == "":
            return default
        try:
            return int(text)
        except ValueError:
            raise ScimError(400, f"{name} must be an integer, not {text[:40]!r}", "invalidValue") from None

    # RFC 7644 3.4.2.4: below 1 reads as 1; past any directory's size (and a database's integer)
    # it is simply past the end.
    first = min(max(number("startIndex", start, 1), 1), MAX_START)
    return first, min(max(number("count", count, MAX_RESULTS), 0), MAX_RESULTS)


def _parameters(kind: Kind, attributes: str | None, excluded: str | None) -> ResponseParameters[Any] | None:
    if not attributes and not excluded:
        return None
    given = {"attributes": attributes or None, "excludedAttributes": excluded or None}
    parameters: ResponseParameters[Any] = _of(ResponseParameters, kind.model).model_validate(
        {k: v for k, v in given.items() if v}
    )
    return parameters


def _dump(
    resource: Any, context: Context, parameters: ResponseParameters[Any] | None = None
) -> dict[str, Any]:
    dumped: dict[str, Any] = resource.model_dump(
        scim_ctx=context, response_parameters=parameters, scim_provider=PROVIDER
    )
    return dumped


def _one(kind: Kind, record: Any, base: str, context: Context, status: int = 200) -> Response:
    resource = kind.resource(record, base)
    headers = {"ETag": etag(record.version)}
    if status == 201:
        headers["Location"] = f"{base}/{kind.name}s/{record.id}"
    return scim_response(_dump(resource, context), status, headers)


def _listing(
    kind: Kind,
    records: DirectoryRecords,
    base: str,
    text: str | None,
    start: int,
    count: int,
    parameters: ResponseParameters[Any] | None,
) -> Response:
    attribute, value = _query(kind, text)
    if kind.name == "User":
        total, found = records.users(attribute, value, start, count)
        resources: list[Any] = [user_resource(r, base) for r in found]
    else:
        total, groups = records.groups(attribute, value, start, count)
        resources = [group_resource(g, base) for g in groups]
    page = _of(ListResponse, kind.model)(
        total_results=total, start_index=start, items_per_page=len(resources), resources=resources
    )
    return scim_response(_dump(page, Context.SEARCH_RESPONSE, parameters))


# --- what a write means for grants ---------------------------------------------------------------


def _counted(change: Change, before_active: bool | None, moved: bool = False) -> None:
    """Leavers, movers and the grants they lost, for /metrics."""
    if change.user is None or not change.user.active:
        if before_active is not False:
            metrics.DIRECTORY_LEAVERS.inc()
        reason = "leaver"
    else:
        reason = "mover"
        if moved:
            metrics.DIRECTORY_MOVERS.inc()
    if change.revoked:
        metrics.DIRECTORY_REVOKED.labels(reason=reason).inc(len(change.revoked))
        log.info(
            json.dumps(
                {
                    "directory": reason,
                    "revoked": list(change.revoked),
                    "referrals": list(change.closed_referrals),
                }
            )
        )


def _replace_user(
    request: Request, records: DirectoryRecords, record: Any, actor: str, version: int | None
) -> Change:
    service = request.app.state.service
    before = records.user(record.id)
    judge = redecide_movers(service.pack, service.store, actor, service.now())
    change = records.replace_user(record, actor, judge, expect_version=version)
    moved = before is not None and change.user is not None and before.department != change.user.department
    _counted(change, before.active if before else None, moved)
    return change


def _write(kind: Kind, request: Request, action: Callable[[DirectoryRecords], Change]) -> Change:
    records = _records(request)
    try:
        return action(records)
    except NotFound as exc:
        raise ScimError(404, f"no {kind.name} {str(exc.args[0])[:200] if exc.args else ''}".strip()) from None
    except Conflict as exc:
        raise ScimError(409, str(exc), "uniqueness") from None
    except Stale as exc:
        raise ScimError(412, str(exc)) from None
    except InvalidRecord as exc:
        raise ScimError(400, str(exc), "invalidValue") from None


# --- the router ----------------------------------------------------------------------------------


def router() -> APIRouter:
    """The SCIM routes, for `app.include_router(router())`."""
    api = APIRouter(prefix=PREFIX, route_class=ScimRoute, tags=["scim"], include_in_schema=True)

    @api.get("/ServiceProviderConfig")
    async def service_provider_config(request: Request) -> Response:
        _caller(request)
        return scim_response(CONFIG.model_dump(scim_ctx=Context.RESOURCE_QUERY_RESPONSE))

    @api.get("/Schemas")
    async def schemas(request: Request) -> Response:
        _caller(request)
        found = list(PROVIDER.schemas)
        page = ListResponse[Schema](
            total_results=len(found), start_index=1, items_per_page=len(found), resources=found
        )
        return scim_response(page.model_dump(scim_ctx=Context.SEARCH_RESPONSE))

    @api.get("/Schemas/{schema_id}")
    async def schema(schema_id: str, request: Request) -> Response:
        _caller(request)
        for found in PROVIDER.schemas:
            if str(found.id) == schema_id:
                return scim_response(found.model_dump(scim_ctx=Context.RESOURCE_QUERY_RESPONSE))
        raise ScimError(404, f"no schema {schema_id[:200]}")

    @api.get("/ResourceTypes")
    async def resource_types(request: Request) -> Response:
        _caller(request)
        found = list(PROVIDER.resource_types)
        page = ListResponse[ResourceType](
            total_results=len(found), start_index=1, items_per_page=len(found), resources=found
        )
        return scim_response(page.model_dump(scim_ctx=Context.SEARCH_RESPONSE))

    @api.get("/ResourceTypes/{type_id}")
    async def resource_type(type_id: str, request: Request) -> Response:
        _caller(request)
        for found in PROVIDER.resource_types:
            if found.id == type_id:
                return scim_response(found.model_dump(scim_ctx=Context.RESOURCE_QUERY_RESPONSE))
        raise ScimError(404, f"no resource type {type_id[:200]}")

    @api.post("/.search", include_in_schema=False)  # 501 by design (RFC 7644 3.4.3), not an API to fuzz
    async def search_everything(request: Request) -> Response:
        _caller(request)
        raise ScimError(
            501, "search across resource types is not supported; POST /Users/.search or /Groups/.search"
        )

    for kind in (USERS, GROUPS):
        _resource_routes(api, kind)

    @api.api_route("/{rest:path}", methods=["GET", "POST", "PUT", "PATCH", "DELETE"], include_in_schema=False)
    async def unknown(rest: str, request: Request) -> Response:
        _caller(request)
        path = request.url.path
        for route in api.routes:
            if isinstance(route, APIRoute) and route.name != "unknown" and route.path_regex.match(path):
                raise ScimError(405, f"{request.method} is not allowed on /{rest[:200]}")
        raise ScimError(404, f"no SCIM endpoint /{rest[:200]}")

    return api


def _resource_routes(api: APIRouter, kind: Kind) -> None:
    plural = f"/{kind.name}s"

    @api.post(plural, name=f"create_{kind.name.lower()}")
    async def create(request: Request) -> Response:
        actor = _caller(request)
        body = await _body(request)
        resource = kind.model.model_validate(
            body, scim_ctx=Context.RESOURCE_CREATION_REQUEST, scim_policy=POLICY
        )
        record = kind.record(resource, new_id())

        def write(records: DirectoryRecords) -> Change:
            return (
                records.create_user(record, actor)
                if kind.name == "User"
                else records.create_group(record, actor)
            )

        change = await run_in_threadpool(_write, kind, request, write)
        metrics.SCIM.labels(resource=kind.name, operation="create").inc()
        return _one(
            kind, change.user or change.group, _base(request), Context.RESOURCE_CREATION_RESPONSE, 201
        )

    @api.get(plural, name=f"list_{kind.name.lower()}s")
    async def listing(request: Request) -> Response:
        _caller(request)
        q = request.query_params
        start, count = _window(q.get("startIndex"), q.get("count"))
        parameters = _parameters(kind, q.get("attributes"), q.get("excludedAttributes"))
        return await run_in_threadpool(
            _listing, kind, _records(request), _base(request), q.get("filter"), start, count, parameters
        )

    @api.post(f"{plural}/.search", name=f"search_{kind.name.lower()}s")
    async def search(request: Request) -> Response:
        _caller(request)
        given = _of(SearchRequest, kind.model).model_validate(
            await _body(request), scim_ctx=Context.SEARCH_REQUEST
        )
        start, count = _window(
            str(given.start_index or 1), str(given.count if given.count is not None else "")
        )
        parameters = None
        if given.attributes or given.excluded_attributes:
            parameters = _of(ResponseParameters, kind.model)(
                attributes=given.attributes, excluded_attributes=given.excluded_attributes
            )
        text = str(given.filter) if given.filter is not None else None
        return await run_in_threadpool(
            _listing, kind, _records(request), _base(request), text, start, count, parameters
        )

    @api.get(f"{plural}/{{rid}}", name=f"get_{kind.name.lower()}")
    async def read(rid: str, request: Request) -> Response:
        _caller(request)
        q = request.query_params
        parameters = _parameters(kind, q.get("attributes"), q.get("excludedAttributes"))
        record = await run_in_threadpool(kind.find, _records(request), rid)
        resource = kind.resource(record, _base(request))
        return scim_response(
            _dump(resource, Context.RESOURCE_QUERY_RESPONSE, parameters),
            headers={"ETag": etag(record.version)},
        )

    @api.put(f"{plural}/{{rid}}", name=f"replace_{kind.name.lower()}")
    async def replace(rid: str, request: Request) -> Response:
        actor = _caller(request)
        body = await _body(request)
        version = _expected_version(request)
        current = await run_in_threadpool(kind.find, _records(request), rid)
        original = kind.resource(current, _base(request))
        resource = kind.model.model_validate(
            body, scim_ctx=Context.RESOURCE_REPLACEMENT_REQUEST, scim_policy=POLICY
        )
        resource.replace(original)  # read-only attributes kept; immutable ones must not change
        record = kind.record(resource, rid)
        change = await run_in_threadpool(_write, kind, request, _saver(kind, request, record, actor, version))
        metrics.SCIM.labels(resource=kind.name, operation="replace").inc()
        return _one(kind, change.user or change.group, _base(request), Context.RESOURCE_REPLACEMENT_RESPONSE)

    @api.patch(f"{plural}/{{rid}}", name=f"patch_{kind.name.lower()}")
    async def patch(rid: str, request: Request) -> Response:
        actor = _caller(request)
        body = await _body(request)
        version = _expected_version(request)
        operations = _of(PatchOp, kind.model).model_validate(
            body, scim_ctx=Context.RESOURCE_PATCH_REQUEST, scim_policy=POLICY
        )
        for attempt in range(PATCH_ATTEMPTS):
            current = await run_in_threadpool(kind.find, _records(request), rid)
            resource = kind.resource(current, _base(request))
            with POLICY:
                operations.patch(resource)
            record = kind.record(resource, rid)
            # Applied to the version read: a write in between is a 412 with If-Match, else a retry
            # (Entra ID sends a group's member changes in parallel).
            try:
                save = _saver(kind, request, record, actor, current.version if version is None else version)
                change = await run_in_threadpool(_write, kind, request, save)
                break
            except ScimError as exc:
                if exc.status != 412 or version is not None or attempt == PATCH_ATTEMPTS - 1:
                    raise
        metrics.SCIM.labels(resource=kind.name, operation="patch").inc()
        return _one(kind, change.user or change.group, _base(request), Context.RESOURCE_PATCH_RESPONSE)

    @api.delete(f"{plural}/{{rid}}", name=f"delete_{kind.name.lower()}")
    async def delete(rid: str, request: Request) -> Response:
        actor = _caller(request)

        def write(records: DirectoryRecords) -> Change:
            if kind.name == "Group":
                return records.delete_group(rid, actor)
            change = records.delete_user(rid, actor)
            _counted(change, None)
            return change

        await run_in_threadpool(_write, kind, request, write)
        metrics.SCIM.labels(resource=kind.name, operation="delete").inc()
        return Response(status_code=204)


def _saver(
    kind: Kind, request: Request, record: Any, actor: str, version: int | None
) -> Callable[[DirectoryRecords], Change]:
    def write(records: DirectoryRecords) -> Change:
        if kind.name == "Group":
            return records.replace_group(record, actor, expect_version=version)
        return _replace_user(request, records, record, actor, version)

    return write
