# yflow's `yielding`: for, with and inline comprehensions.
def tx(db, rows):
    with yielding db.transaction() as t:
        for r in yielding rows:
            yield t.insert(r)
    squares = {k: [v * i for i in yielding v] for k, v in yielding rows}
    return squares
