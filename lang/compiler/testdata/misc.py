@dec1
@dec2(1)
def f(a, b=1, *, c, d=-2, **kw):
    g = (x for x in a)
    h = lambda y=3: y + a
    return f"{a!r:>{b}} and {c}"
a, *b, c = x
[p, (q, r)] = y
d = {1: 2, **e, 3: 4}
s = {*a, 1}
t = (*a, 1)
u = (1, 2, (3, -4.5))
del a[1:2], b.c, d
async def co(x):
    async for i in x:
        await i
    async with x as y:
        pass
    return [j async for j in x]
def yf():
    x = yield from g()
    y = yield
assert x, "msg"
raise E from F
