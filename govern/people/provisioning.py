"""SCIM 2.0 resources (RFC 7643) and the directory's records: what the provisioning service says
about a person or a group, and what govern keeps of it.

The core User's `userType` is the employee type (Entra ID maps `employeeType` to it); department
and manager come from the enterprise extension. The resource is kept as provisioned (without
id, meta and any password) so that a GET returns what was written.
"""

from __future__ import annotations

from typing import Any

from scim2_models import (
    URN,
    AuthenticationScheme,
    Bulk,
    ChangePassword,
    EnterpriseUser,
    ETag,
    Filter,
    Group,
    GroupMember,
    Meta,
    Patch,
    ResourceType,
    ScimPolicy,
    ScimProvider,
    ServiceProviderConfig,
    Sort,
    User,
)

from govern.store.directory import GroupRecord, InvalidRecord, UserRecord

ScimUser = User[EnterpriseUser]
ENTERPRISE = str(EnterpriseUser.__schema__)
MAX_RESULTS = 200  # the most resources one list response holds
MAX_BODY = 1024 * 1024  # a request body, in bytes
MAX_MEMBERS = 20_000

# Entra ID's provisioning service sends a remove with a value (members to drop), and a replace of
# a filtered path that matches nothing (an email of a new type): both read as Entra means them.
POLICY = ScimPolicy(
    remove_value_as_filter=ScimPolicy.RemoveValue.apply,
    unmatched_path_filter=ScimPolicy.UnmatchedPathFilter.create,
)

CONFIG = ServiceProviderConfig(
    patch=Patch(supported=True),
    bulk=Bulk(supported=False, max_operations=0, max_payload_size=0),
    filter=Filter(supported=True, max_results=MAX_RESULTS),
    change_password=ChangePassword(supported=False),
    sort=Sort(supported=False),
    etag=ETag(supported=True),
    authentication_schemes=[
        AuthenticationScheme(
            type=AuthenticationScheme.Type.oauthbearertoken,
            name="Bearer key",
            description="A key created with `govern keys create --role provisioning`",
            primary=True,
        )
    ],
)

PROVIDER = ScimProvider(
    models=[User, EnterpriseUser, Group],
    resource_types=[ResourceType.from_resource(ScimUser), ResourceType.from_resource(Group)],
    config=CONFIG,
    policy=POLICY,
)

# How long each column may be (the database's limits): a longer value is a 400, never a 500.
LIMITS = {"displayName": 400, "department": 200, "userType": 100, "externalId": 400, "manager": 64}


def _limited(name: str, value: str | None) -> str | None:
    if value is not None and len(value) > LIMITS[name]:
        raise InvalidRecord(f"{name}: at most {LIMITS[name]} characters, not {len(value):,}")
    return value


def _kept(resource: User[Any] | Group) -> dict[str, Any]:
    """What is stored of a resource: everything but id, meta and a password."""
    stored = resource.model_dump(mode="json")
    for name in ("id", "meta", "password"):
        stored.pop(name, None)
    return stored


def user_record(resource: ScimUser, user_id: str) -> UserRecord:
    """The directory's record of a validated SCIM User (InvalidRecord for values it cannot hold)."""
    extension = resource[EnterpriseUser]
    manager = extension.manager.value if extension and extension.manager else None
    return UserRecord(
        id=user_id,
        user_name=resource.user_name or "",
        display_name=_limited("displayName", resource.display_name) or "",
        department=_limited("department", extension.department if extension else None) or "",
        employee_type=_limited("userType", resource.user_type) or "",
        manager_id=_limited("manager", manager),
        active=resource.active is not False,
        external_id=_limited("externalId", resource.external_id),
        resource=_kept(resource),
    )


def user_resource(record: UserRecord, base: str) -> ScimUser:
    """The SCIM User for a record, with its id and meta."""
    resource = ScimUser.model_validate(record.resource, scim_ctx=None)
    resource.id = record.id
    resource.meta = _meta("User", record.id, record.created, record.last_modified, record.version, base)
    return resource


def group_record(resource: Group, group_id: str) -> GroupRecord:
    members = resource.members or []
    if len(members) > MAX_MEMBERS:
        raise InvalidRecord(f"members: at most {MAX_MEMBERS:,} in one group")
    for member in members:
        if member.type not in (None, "User"):
            raise InvalidRecord(f"members: only users can be members here, not a {member.type}")
    return GroupRecord(
        id=group_id,
        display_name=_limited("displayName", resource.display_name) or "",
        members=tuple(m.value for m in members if m.value),
        external_id=_limited("externalId", resource.external_id),
        resource=_kept(resource),
    )


def group_resource(record: GroupRecord, base: str) -> Group:
    """The SCIM Group for a record: its members as the directory holds them now (a deleted user
    is no longer one), with what was provisioned about each."""
    resource = Group.model_validate(record.resource, scim_ctx=None)
    given = {m.value: m for m in resource.members or [] if m.value}
    resource.members = [
        given.get(i) or GroupMember.model_validate({"value": i, "type": "User", "$ref": f"{base}/Users/{i}"})
        for i in record.members
    ] or None
    resource.id = record.id
    resource.meta = _meta("Group", record.id, record.created, record.last_modified, record.version, base)
    return resource


def _meta(kind: str, rid: str, created: Any, modified: Any, version: int, base: str) -> Meta:
    return Meta(
        resource_type=kind,
        created=created,
        last_modified=modified,
        version=etag(version),
        location=f"{base}/{kind}s/{rid}",
    )


def etag(version: int) -> str:
    return f'W/"{version}"'


def manager_refs(body: Any, base: str) -> Any:
    """Entra ID sends the manager as its id alone (`{"value": id}`, or the id as a PATCH value);
    RFC 7643 also wants its `$ref`. Add the reference the id names, so either form reads."""
    if not isinstance(body, dict):
        return body
    extension = body.get(ENTERPRISE)
    if isinstance(extension, dict):
        _with_ref(extension, base)
    for operation in body.get("Operations") or []:
        if not isinstance(operation, dict):
            continue
        path, value = str(operation.get("path") or ""), operation.get("value")
        if path.lower().endswith("manager") and isinstance(value, str):
            operation["value"] = {"value": value, "$ref": f"{base}/Users/{value}"}
        elif path.lower().endswith("manager") and isinstance(value, dict) and value.get("value"):
            value.setdefault("$ref", f"{base}/Users/{value['value']}")
        elif path.lower() == ENTERPRISE.lower() and isinstance(value, dict):
            _with_ref(value, base)
        elif not path and isinstance(value, dict):
            nested = value.get(ENTERPRISE)
            if isinstance(nested, dict):
                _with_ref(nested, base)
            flat = value.get(f"{ENTERPRISE}:manager")
            if isinstance(flat, str):
                value[f"{ENTERPRISE}:manager"] = {"value": flat, "$ref": f"{base}/Users/{flat}"}
    return body


def _with_ref(extension: dict[str, Any], base: str) -> None:
    manager = extension.get("manager")
    if isinstance(manager, str):
        extension["manager"] = {"value": manager, "$ref": f"{base}/Users/{manager}"}
    elif isinstance(manager, dict) and isinstance(manager.get("value"), str) and "$ref" not in manager:
        manager["$ref"] = f"{base}/Users/{manager['value']}"


SCHEMA_URNS = (URN(str(User.__schema__)), URN(ENTERPRISE), URN(str(Group.__schema__)))
