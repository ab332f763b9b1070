"""Frozen records: what `@dataclass(frozen=True, slots=True)` makes of a class, without
importing `dataclasses`.

`dataclasses` imports `inspect` (and with it `ast`, `dis` and `tokenize`) and compiles each
class's methods from generated source; for the tagger's command (`python -m dashboard timex`)
that was a sixth of the whole process. `record` reads the class's annotated fields and their
defaults and gives it slots, an `__init__` written for its fields (the one method compiled per
class: it runs for every record made), and `__repr__`, `__eq__` and `__hash__` over the fields
in their order, shared by all records; it refuses assignments as a frozen dataclass does, and
copies and pickles keep the fields.

>>> @record
... class Span:
...     start: int
...     end: int
...     label: str = ""
>>> s = Span(3, end=5)
>>> s, s == Span(3, 5, ""), hash(s) == hash(Span(3, 5)), s.__slots__
(Span(start=3, end=5, label=''), True, True, ('start', 'end', 'label'))
>>> Span(3)
Traceback (most recent call last):
TypeError: __init__() missing 1 required positional argument: 'end'
>>> s.start = 4
Traceback (most recent call last):
AttributeError: cannot change field 'start'
"""

from __future__ import annotations


def record(cls: type) -> type:
    """`cls` made a frozen record of its annotated fields (a new class, as `slots=True` makes)."""
    names = tuple(cls.__dict__.get("__annotations__", {}))
    defaults = {name: cls.__dict__[name] for name in names if name in cls.__dict__}
    body = {
        key: value for key, value in cls.__dict__.items()
        if key not in defaults and key not in ("__dict__", "__weakref__")
    }  # fmt: skip
    body.update(
        __slots__=names,
        __match_args__=names,
        __init__=_init(names, defaults),
        __repr__=_repr,
        __eq__=_eq,
        __hash__=_hash,
        __setattr__=_refuse,
        __delattr__=_refuse,
        __getstate__=_fields,
        __setstate__=_setstate,
    )
    return type(cls)(cls.__name__, cls.__bases__, body)


def _init(names: tuple[str, ...], defaults: dict):
    """An `__init__` that sets each field, written out for these names (as `dataclasses`
    writes it: a loop over the fields costs more than making the record)."""
    params = ", ".join(f"{n}=_default_{n}" if n in defaults else n for n in names)
    body = "".join(f"\n    _set(self, {n!r}, {n})" for n in names) or "\n    pass"
    scope = {"_set": object.__setattr__, **{f"_default_{n}": v for n, v in defaults.items()}}
    exec(f"def __init__(self, {params}):{body}", scope)  # (names from the class's own fields)
    return scope["__init__"]


def _fields(self) -> tuple:
    return tuple(getattr(self, field) for field in self.__slots__)


def _setstate(self, state: tuple) -> None:
    for field, value in zip(self.__slots__, state, strict=True):
        object.__setattr__(self, field, value)


def _repr(self) -> str:
    fields = ", ".join(f"{field}={getattr(self, field)!r}" for field in self.__slots__)
    return f"{type(self).__qualname__}({fields})"


def _eq(self, other: object):
    if other.__class__ is not self.__class__:
        return NotImplemented
    return _fields(self) == _fields(other)


def _hash(self) -> int:
    return hash(_fields(self))


def _refuse(self, name: str, *value) -> None:
    raise AttributeError(f"cannot change field {name!r}")
