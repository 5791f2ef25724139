# Generators whose bodies use the match statement.
def matcher(items):
    for it in items:
        match it:
            case int(n) if n > 10:
                yield "big %d" % n
            case int(n):
                yield "small %d" % n
            case [a, b]:
                yield "pair %r %r" % (a, b)
            case _:
                yield "other %r" % (it,)

print(list(matcher([1, 50, [1, 2], "x"])))


def tokens(text):
    for word in text.split():
        match word:
            case "(" | ")":
                yield ("paren", word)
            case w if w.isdigit():
                yield ("num", int(w))
            case _:
                yield ("word", word)

print(list(tokens("( add 1 22 )")))
