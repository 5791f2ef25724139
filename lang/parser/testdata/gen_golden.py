#!/usr/bin/env python3.11
"""gen_golden.py regenerates ast_golden.txt from ast_cases.txt with CPython
3.11's ast module, in the dump format of dump_test.go (node names and fields
of yflow's lang/ast). Run from lang/parser: python3.11 testdata/gen_golden.py
"""
import ast
import sys

OPS = {
    ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.MatMult: "@", ast.Div: "/",
    ast.FloorDiv: "//", ast.Mod: "%", ast.Pow: "**", ast.LShift: "<<",
    ast.RShift: ">>", ast.BitAnd: "&", ast.BitOr: "|", ast.BitXor: "^",
    ast.UAdd: "+", ast.USub: "-", ast.Invert: "~", ast.Not: "not",
    ast.And: "and", ast.Or: "or", ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<",
    ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Is: "is", ast.IsNot: "is not",
    ast.In: "in", ast.NotIn: "not in",
}


def q(s):
    out = ['"']
    for ch in s:
        r = ord(ch)
        if 0x20 <= r < 0x7F and ch not in '"\\':
            out.append(ch)
        else:
            out.append("\\u{%x}" % r)
    out.append('"')
    return "".join(out)


def ffloat(f):
    if f == float("inf"):
        return "inf"
    if f == float("-inf"):
        return "-inf"
    if f != f:
        return "nan"
    return "%.17g" % f


class Dumper:
    def __init__(self, src):
        self.lines = src.encode("utf-8").split(b"\n")

    def pos(self, n):
        line = self.lines[n.lineno - 1]
        col = len(line[: n.col_offset].decode("utf-8", "replace")) + 1
        return "@%d:%d" % (n.lineno, col)

    def node(self, name, n, fields):
        s = name + (self.pos(n) if n is not None else "")
        parts = []
        for k, v in fields:
            if v is None or v == [] or v == "" or v is False or v == 0:
                continue
            parts.append(k + "=" + self.val(v))
        if parts:
            s += "(" + ", ".join(parts) + ")"
        return s

    def val(self, v):
        if isinstance(v, list):
            return "[" + ", ".join(self.val(x) for x in v) + "]"
        if isinstance(v, Raw):
            return v.s
        if v is True:
            return "True"
        if isinstance(v, int):
            return str(v)
        if isinstance(v, str):
            return q(v)
        if isinstance(v, ast.AST):
            return self.d(v)
        raise TypeError(v)

    def const(self, v):
        if v is None:
            return "None"
        if v is True:
            return "True"
        if v is False:
            return "False"
        if v is Ellipsis:
            return "Ellipsis"
        if isinstance(v, int):
            return str(v)
        if isinstance(v, float):
            return ffloat(v)
        if isinstance(v, complex):
            return ffloat(v.imag) + "j"
        if isinstance(v, str):
            return q(v)
        if isinstance(v, bytes):
            return "b" + q(v.decode("latin-1"))
        raise TypeError(v)

    def params(self, a, lam=False):
        pos = a.posonlyargs + a.args
        defs = [None] * (len(pos) - len(a.defaults)) + a.defaults
        args = [self.param(p, d) for p, d in zip(pos, defs)]
        kw = [self.param(p, d) for p, d in zip(a.kwonlyargs, a.kw_defaults)]
        return Raw(self.node("Params", None, [
            ("Args", [Raw(x) for x in args]), ("PosOnly", len(a.posonlyargs)),
            ("Vararg", Raw(self.param(a.vararg, None)) if a.vararg else None),
            ("KwOnly", [Raw(x) for x in kw]),
            ("Kwarg", Raw(self.param(a.kwarg, None)) if a.kwarg else None),
        ]))

    def param(self, p, d):
        return self.node("Param", p, [("Name", p.arg), ("Default", d), ("Annotation", p.annotation)])

    def op(self, o):
        return Raw(q(OPS[type(o)]))

    def d(self, n):
        N = self.node
        t = type(n)
        if t is ast.Expr:
            return N("ExprStmt", n, [("X", n.value)])
        if t is ast.Assign:
            return N("Assign", n, [("Targets", n.targets), ("Value", n.value)])
        if t is ast.AugAssign:
            return N("AugAssign", n, [("Target", n.target), ("Op", self.op(n.op)), ("Value", n.value)])
        if t is ast.AnnAssign:
            return N("AnnAssign", n, [("Target", n.target), ("Annotation", n.annotation), ("Value", n.value)])
        if t is ast.If:
            return N("If", n, [("Cond", n.test), ("Body", n.body), ("Else", n.orelse)])
        if t is ast.While:
            return N("While", n, [("Cond", n.test), ("Body", n.body), ("Else", n.orelse)])
        if t in (ast.For, ast.AsyncFor):
            return N("For", n, [("Target", n.target), ("Iter", n.iter), ("Body", n.body), ("Else", n.orelse), ("Async", t is ast.AsyncFor)])
        if t in (ast.Break, ast.Continue, ast.Pass):
            return N(t.__name__, n, [])
        if t is ast.Return:
            return N("Return", n, [("Value", n.value)])
        if t in (ast.FunctionDef, ast.AsyncFunctionDef):
            return N("FuncDef", n, [("Name", n.name), ("Params", self.params(n.args)), ("Body", n.body),
                                    ("Decorators", n.decorator_list), ("Returns", n.returns), ("Async", t is ast.AsyncFunctionDef)])
        if t is ast.ClassDef:
            return N("ClassDef", n, [("Name", n.name), ("Bases", n.bases), ("Keywords", n.keywords), ("Body", n.body), ("Decorators", n.decorator_list)])
        if t is ast.ExceptHandler:
            return N("ExceptHandler", n, [("Type", n.type), ("Name", n.name), ("Body", n.body)])
        if t is ast.Try:
            return N("Try", n, [("Body", n.body), ("Handlers", n.handlers), ("Else", n.orelse), ("Finally", n.finalbody)])
        if t is ast.Raise:
            return N("Raise", n, [("Exc", n.exc), ("Cause", n.cause)])
        if t is ast.withitem:
            return N("WithItem", None, [("Context", n.context_expr), ("Target", n.optional_vars)])
        if t in (ast.With, ast.AsyncWith):
            return N("With", n, [("Items", n.items), ("Body", n.body), ("Async", t is ast.AsyncWith)])
        if t is ast.Assert:
            return N("Assert", n, [("Test", n.test), ("Msg", n.msg)])
        if t is ast.Delete:
            return N("Del", n, [("Targets", n.targets)])
        if t in (ast.Global, ast.Nonlocal):
            return N(t.__name__, n, [("Names", n.names)])
        if t is ast.alias:
            return N("Alias", n, [("Name", n.name), ("AsName", n.asname)])
        if t is ast.Import:
            return N("Import", n, [("Names", n.names)])
        if t is ast.ImportFrom:
            return N("ImportFrom", n, [("Module", n.module), ("Level", n.level), ("Names", n.names if n.names[0].name != "*" else None)])
        if t is ast.Name:
            return N("Name", n, [("Id", n.id)])
        if t is ast.Constant:
            return "Constant" + self.pos(n) + "(" + self.const(n.value) + ")"
        if t is ast.JoinedStr:
            return N("JoinedStr", n, [("Values", n.values)])
        if t is ast.FormattedValue:
            conv = chr(n.conversion) if n.conversion > 0 else None
            return N("FormattedValue", n, [("Value", n.value), ("Conversion", conv), ("FormatSpec", n.format_spec)])
        if t is ast.BinOp:
            return N("BinOp", n, [("Op", self.op(n.op)), ("X", n.left), ("Y", n.right)])
        if t is ast.UnaryOp:
            return N("UnaryOp", n, [("Op", self.op(n.op)), ("X", n.operand)])
        if t is ast.BoolOp:
            return N("BoolOp", n, [("Op", self.op(n.op)), ("Values", n.values)])
        if t is ast.Compare:
            return N("Compare", n, [("Left", n.left), ("Ops", Raw("[" + ", ".join(self.op(o).s for o in n.ops) + "]")), ("Rights", n.comparators)])
        if t is ast.IfExp:
            return N("IfExp", n, [("Test", n.test), ("Body", n.body), ("Else", n.orelse)])
        if t is ast.Lambda:
            return N("Lambda", n, [("Params", self.params(n.args)), ("Body", n.body)])
        if t is ast.keyword:
            return N("Keyword", n, [("Name", n.arg), ("Value", n.value)])
        if t is ast.Call:
            return N("Call", n, [("Func", n.func), ("Args", n.args), ("Keywords", n.keywords)])
        if t is ast.Attribute:
            return N("Attribute", n, [("X", n.value), ("Name", n.attr)])
        if t is ast.Subscript:
            return N("Subscript", n, [("X", n.value), ("Index", n.slice)])
        if t is ast.Slice:
            return N("Slice", n, [("Lo", n.lower), ("Hi", n.upper), ("Step", n.step)])
        if t is ast.Starred:
            return N("Starred", n, [("X", n.value)])
        if t in (ast.List, ast.Tuple, ast.Set):
            return N(t.__name__ + "Expr", n, [("Elts", n.elts)])
        if t is ast.Dict:
            return N("DictExpr", n, [("Keys", [k if k is not None else Raw("nil") for k in n.keys]), ("Values", n.values)])
        if t is ast.comprehension:
            return N("Comprehension", None, [("Target", n.target), ("Iter", n.iter), ("Ifs", n.ifs), ("Async", bool(n.is_async))])
        if t in (ast.ListComp, ast.SetComp, ast.GeneratorExp):
            return N(t.__name__, n, [("Elt", n.elt), ("Generators", n.generators)])
        if t is ast.DictComp:
            return N("DictComp", n, [("Key", n.key), ("Value", n.value), ("Generators", n.generators)])
        if t in (ast.Yield, ast.YieldFrom, ast.Await):
            return N(t.__name__, n, [("Value", n.value)])
        if t is ast.NamedExpr:
            return N("NamedExpr", n, [("Target", n.target), ("Value", n.value)])
        raise TypeError(t)


class Raw:
    def __init__(self, s):
        self.s = s


def main():
    cases = open("testdata/ast_cases.txt", encoding="utf-8").read().split("\n==== ")
    out = []
    for c in cases:
        if not c.strip():
            continue
        name, _, src = c.partition("\n")
        name = name.removeprefix("==== ")
        tree = ast.parse(src)
        dm = Dumper(src)
        out.append("==== " + name)
        for s in tree.body:
            out.append(dm.d(s))
    open("testdata/ast_golden.txt", "w", encoding="utf-8").write("\n".join(out) + "\n")


if __name__ == "__main__":
    sys.exit(main())
