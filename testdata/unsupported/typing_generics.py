# typing-annotated code: Generic, TypeVar, Protocol, NamedTuple class syntax, Optional/Union, Callable
from __future__ import annotations
from typing import Generic, TypeVar, Protocol, NamedTuple, Optional, Union, Callable, Iterator, Any, ClassVar, Iterable

T = TypeVar("T")
K = TypeVar("K")


class Stack(Generic[T]):
    def __init__(self) -> None:
        self._items: list[T] = []

    def push(self, item: T) -> "Stack[T]":
        self._items.append(item)
        return self

    def pop(self) -> T:
        if not self._items:
            raise IndexError("pop from empty Stack")
        return self._items.pop()

    def __iter__(self) -> Iterator[T]:
        return reversed(self._items)

    def __len__(self) -> int:
        return len(self._items)


class Shape(Protocol):
    def area(self) -> float: ...


class Coord(NamedTuple):
    x: float
    y: float = 0.0

    def dist(self, other: Coord) -> float:
        return ((self.x - other.x) ** 2 + (self.y - other.y) ** 2) ** 0.5


class Rect:
    kind: ClassVar[str] = "rect"

    def __init__(self, w: float, h: float) -> None:
        self.w, self.h = w, h

    def area(self) -> float:
        return self.w * self.h


class Circle:
    def __init__(self, r: float) -> None:
        self.r = r

    def area(self) -> float:
        return round(3.14159 * self.r ** 2, 3)


def total_area(shapes: Iterable[Shape]) -> float:
    return sum(s.area() for s in shapes)


def apply(f: Callable[[int], int], xs: list[int]) -> list[int]:
    return [f(x) for x in xs]


def parse_num(s: str) -> Optional[Union[int, float]]:
    try:
        return int(s)
    except ValueError:
        try:
            return float(s)
        except ValueError:
            return None


def first(xs: list[T], pred: Callable[[T], bool], default: Optional[T] = None) -> Optional[T]:
    for x in xs:
        if pred(x):
            return x
    return default


s: Stack[int] = Stack()
s.push(1).push(2).push(3)
print(list(s), len(s), s.pop(), list(s))
try:
    Stack[str]().pop()
except IndexError as e:
    print("IndexError:", e)
c = Coord(3.0, 4.0)
print(c, c.dist(Coord(0)), c._fields, Coord._field_defaults, c._replace(y=0), tuple(c), c.x + c[1])
print(total_area([Rect(2, 3), Circle(1), Rect(0.5, 0.5)]), Rect.kind)
print(apply(lambda v: v * v, [1, 2, 3]), [parse_num(x) for x in ["12", "1.5", "abc", "-0", "1e3"]])
print(first([1, 4, 9], lambda v: v > 3), first(["a"], str.isdigit, "none"))
print(total_area.__annotations__)
answers: dict[str, Any] = {}
answers["x"] = 1
count: int
print(answers, "count" in globals())


class Tree(Generic[K]):
    def __init__(self, key: K, left: Optional[Tree[K]] = None, right: Optional[Tree[K]] = None):
        self.key, self.left, self.right = key, left, right

    def insert(self, key: K) -> Tree[K]:
        if key < self.key:
            self.left = self.left.insert(key) if self.left else Tree(key)
        else:
            self.right = self.right.insert(key) if self.right else Tree(key)
        return self

    def inorder(self) -> Iterator[K]:
        if self.left:
            yield from self.left.inorder()
        yield self.key
        if self.right:
            yield from self.right.inorder()

    def height(self) -> int:
        return 1 + max(self.left.height() if self.left else 0, self.right.height() if self.right else 0)


t = Tree(50)
for k in [30, 70, 20, 40, 60, 80, 35, 45, 65]:
    t.insert(k)
print(list(t.inorder()), t.height())
