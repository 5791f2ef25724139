# Generators and the collections.abc / types protocols.
import collections.abc as abc
import types

def g():
    yield 1

gen = g()
print(isinstance(gen, abc.Generator), isinstance(gen, abc.Iterator), isinstance(gen, abc.Iterable))
print(isinstance(gen, types.GeneratorType), isinstance(g, types.FunctionType))
print(isinstance(iter([]), abc.Generator), isinstance(iter([]), abc.Iterator))
print(issubclass(types.GeneratorType, abc.Generator))

# a hand-written Generator subclass gets close() and __next__ from the mixin
class Countdown(abc.Generator):
    def __init__(self, n):
        self.n = n
    def send(self, value):
        if value is not None:
            self.n = value
        if self.n <= 0:
            raise StopIteration("liftoff")
        self.n -= 1
        return self.n + 1
    def throw(self, typ, val=None, tb=None):
        if isinstance(typ, GeneratorExit) or typ is GeneratorExit:
            print("Countdown got GeneratorExit")
        return super().throw(typ, val, tb)

c = Countdown(3)
print(next(c), next(c), c.send(5), next(c))
print(list(Countdown(2)))
c.close()
print(isinstance(c, abc.Generator), iter(c) is c)

# yield from a custom Generator subclass
def deleg():
    r = yield from Countdown(2)
    print("returned", r)
print(list(deleg()))

# incomplete subclass cannot be instantiated
class Half(abc.Generator):
    def send(self, v):
        return 0
try:
    Half()
except TypeError as e:
    print("TypeError:", e)
