def f(a):
    try:
        g()
    except ValueError as e:
        return e
    except (TypeError, KeyError):
        pass
    else:
        a += 1
    finally:
        h()
    return a

def w(m):
    with m as x, n:
        for i in x:
            if i:
                break
            continue
    return 1
