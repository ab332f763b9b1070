"""Frozen records: what `@dataclass(frozen=True, slots=True)` makes of a class, without
importing `dataclasses`.

`dataclasses` imports `inspect` (and with it `ast`, `dis` and `tokenize`) and compiles each
class's methods from generated source; for the tagger's command (`python -m dashboard timex`)
that was a sixth of the whole process. `record` reads the class's annotated fields and their
defaults and gives it slots, `__init__` (positional or by name), `__repr__`, `__eq__` and
`__hash__` over the fields, in their order, and refuses assignments, as a frozen dataclass does;
copies and pickles keep the fields.

>>> @record
... class Span:
...     start: int
...     end: int
...     label: str = ""
>>> s = Span(3, end=5)
>>> s, s == Span(3, 5, ""), hash(s) == hash(Span(3, 5)), s.__slots__
(Span(start=3, end=5, label=''), True, True, ('start', 'end', 'label'))
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
        __init__=_init(cls.__name__, names, defaults),
        __repr__=_repr,
        __eq__=_eq,
        __hash__=_hash,
        __setattr__=_refuse,
        __delattr__=_refuse,
        __getstate__=_fields,
        __setstate__=_setstate,
    )
    return type(cls)(cls.__name__, cls.__bases__, body)


_set = object.__setattr__


def _init(name: str, names: tuple[str, ...], defaults: dict):
    count = len(names)

    def __init__(self, *args, **kwargs):
        if kwargs or len(args) != count:
            args = _bind(name, names, defaults, args, kwargs)
        for field, value in zip(names, args, strict=True):
            _set(self, field, value)

    return __init__


def _bind(name: str, names: tuple[str, ...], defaults: dict, args: tuple, kwargs: dict) -> list:
    """The values of every field from positional and named arguments and the defaults."""
    if len(args) > len(names):
        raise TypeError(f"{name}() takes {len(names)} arguments but {len(args)} were given")
    values = dict(zip(names, args, strict=False))  # (fewer arguments than fields)
    for key, value in kwargs.items():
        if key not in names or key in values:
            problem = "unexpected" if key not in names else "repeated"
            raise TypeError(f"{name}() got an {problem} argument {key!r}")
        values[key] = value
    missing = [n for n in names if n not in values and n not in defaults]
    if missing:
        raise TypeError(f"{name}() missing arguments: {', '.join(missing)}")
    return [values[n] if n in values else defaults[n] for n in names]


def _fields(self) -> tuple:
    return tuple(getattr(self, field) for field in self.__slots__)


def _setstate(self, state: tuple) -> None:
    for field, value in zip(self.__slots__, state, strict=True):
        _set(self, field, value)


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
