# A helper module written as a .py file (imported by import_py_module.yf).
X = 41


def f():
    return X + 1
