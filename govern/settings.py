"""The service's settings: read from the environment once, then passed down as one value.

Every `GOVERN_*` variable govern reads is a field here, so this class is the list of them.
`GOVERN_PACK` names the policy pack; `GOVERN_POLICIES` is its old name, still honoured with a
warning. Without either, the council-default pack shipped inside the package is used, so
`govern serve` works from any directory.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, PydanticBaseSettingsSource, SettingsConfigDict

if TYPE_CHECKING:
    from govern.store.logkey import LogSettings

DEFAULT_DB = "govern.db"
DEPRECATED_PACK_VARIABLE = "GOVERN_POLICIES"
_PLAIN = {"XDG_STATE_HOME": "state_home", "HOME": "home"}  # variables read without the GOVERN_ prefix


def default_pack() -> Path:
    """The council-default pack shipped as package data (in a checkout, policies/council-default)."""
    return Path(str(resources.files("govern") / "packs" / "council-default")).resolve()


class Settings(BaseSettings):
    """What the environment configures: the pack, the database, the web front and the log key."""

    model_config = SettingsConfigDict(
        env_prefix="GOVERN_", frozen=True, extra="ignore", env_ignore_empty=True, populate_by_name=True
    )

    pack: Path | None = Field(
        default=None,
        validation_alias=AliasChoices("GOVERN_PACK"),
        description="the policy pack folder (default: the shipped council-default)",
    )
    db: str = Field(default=DEFAULT_DB, description="the database: a SQLite file or a SQLAlchemy URL")
    packs_root: Path | None = Field(default=None, description="the folder `extends:` may reach into")
    shadow: Path | None = Field(default=None, description="a candidate pack answered in the shadow")
    open: bool = Field(default=False, description="serve without API keys (set by `govern serve`)")
    hosts: Annotated[tuple[str, ...], NoDecode] = Field(
        default=(), description="extra host names the web front answers, comma-separated"
    )
    trust_proxy: bool = Field(default=False, description="honour X-Forwarded-Proto from a TLS proxy")
    log_key: SecretStr | None = Field(default=None, description="the log's signing secret")
    log_dir: Path | None = Field(default=None, description="where the log key and head files live")
    log_sync_before_answer: bool = Field(
        default=False,
        description="fsync the log's head file before each answer (anchors then survive a power cut)",
    )
    facebook_app_secret: SecretStr | None = Field(default=None, description="signs Facebook webhooks")
    state_home: Path | None = Field(
        default=None,
        validation_alias=AliasChoices("XDG_STATE_HOME"),
        description="the user's state folder (PostgreSQL's log key lives under it)",
    )
    home: Path | None = Field(default=None, validation_alias=AliasChoices("HOME"), description="$HOME")

    @field_validator("hosts", mode="before")
    @classmethod
    def _comma_separated(cls, value: Any) -> Any:
        if isinstance(value, str):
            return tuple(h.strip() for h in value.split(",") if h.strip())
        return value

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """The settings in `environ` (default: the process environment), read once.

        `GOVERN_POLICIES` still names the pack when `GOVERN_PACK` is not set, with a
        DeprecationWarning; when both are set, `GOVERN_PACK` wins.
        """
        if environ is None:
            settings, environ = cls(), os.environ
        else:
            given = _Given.model_validate(  # only `environ`: never the process's variables too
                {
                    key.removeprefix("GOVERN_").lower(): value
                    for key, value in environ.items()
                    if key.startswith("GOVERN_") and value
                }
                | {name: environ[key] for key, name in _PLAIN.items() if environ.get(key)}
            )
            settings = cls.model_construct(_fields_set=given.model_fields_set, **dict(given))
        old = environ.get(DEPRECATED_PACK_VARIABLE)
        if old:
            warnings.warn(
                f"{DEPRECATED_PACK_VARIABLE} is deprecated; set GOVERN_PACK instead",
                DeprecationWarning,
                stacklevel=2,
            )
            if settings.pack is None:
                settings = settings.model_copy(update={"pack": Path(old)})
        return settings

    @property
    def pack_path(self) -> Path:
        """The pack to serve: GOVERN_PACK, else the shipped council-default."""
        return self.pack or default_pack()

    @property
    def log(self) -> LogSettings:
        """Where the store finds its log key (see govern.store.logkey)."""
        from govern.store.logkey import LogSettings

        state = self.state_home or (self.home or Path.home()) / ".local" / "state"
        return LogSettings(
            secret=self.log_key.get_secret_value() if self.log_key else None,
            directory=self.log_dir,
            state=state / "govern",
            sync_before_answer=self.log_sync_before_answer,
        )

    def environment(self) -> dict[str, str]:
        """These settings as the variables that reproduce them (for `govern serve`'s workers)."""
        out = {
            "GOVERN_PACK": str(self.pack_path),
            "GOVERN_DB": self.db,
            "GOVERN_OPEN": "1" if self.open else "0",
            "GOVERN_SHADOW": str(self.shadow) if self.shadow else "",
            "GOVERN_HOSTS": ",".join(self.hosts),
            "GOVERN_TRUST_PROXY": "1" if self.trust_proxy else "0",
        }
        if self.packs_root:
            out["GOVERN_PACKS_ROOT"] = str(self.packs_root)
        return out


class _Given(Settings):
    """Settings read from a mapping alone: pydantic-settings would otherwise merge the process's
    environment into an explicit one (a test's or a worker's variables leaking into another's)."""

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings,)
