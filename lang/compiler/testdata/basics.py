# Expressions, assignments, loops, closures.
x = 1
y = -x + 2 * 3
if x and not y or x is None:
    x = [1, 2, *y]
elif x in y:
    pass
else:
    x = y if x else {}
while x:
    x -= 1
    if x == 5:
        continue
    if x < 2:
        break
else:
    y = None
for i, j in enumerate(x):
    print(i, j, sep="")
else:
    i = 0


def counter(start=0):
    n = start

    def inc(step=1):
        nonlocal n
        n += step
        return n

    return inc


g = (lambda a, *b, c=1, **d: (a, b, c, d))(1)
