import a.b.c as d
from .. import x as y
class C(B, metaclass=M):
    z = 1
    def m(self, *a, **k):
        super().m(*a, k=1, **k)
        return [i + self.__p for i in a if i]
def gen(xs):
    r = [x for x in yielding xs if x]
    with yielding xs as q:
        yield q
    f(a, b=c)
    o.m(1, k=2)
    a[i] += v
    o.at -= 1
    return a < b < c
