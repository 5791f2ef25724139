// lower.go turns the participle tree of grammar.go into the lang/ast tree,
// checking what the grammar leaves open (assignment targets, parameter
// order, argument order, display kinds) and giving binary operators their
// precedence by precedence climbing.

package parser

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"github.com/alecthomas/participle/v2/lexer"

	"yflow/lang/ast"
)

// lowerer holds the state of one lowering. The first error is kept and
// lowering goes on (producing a partial tree that is then discarded).
type lowerer struct {
	filename string
	src      []byte
	err      *Error
	depth    int // f-string nesting
}

func astPos(p lexer.Position) ast.Pos { return ast.Pos{Line: p.Line, Col: p.Column} }

func (l *lowerer) errorAt(p lexer.Position, msg string) {
	if l.err == nil {
		l.err = &Error{Kind: "SyntaxError", Msg: msg, Filename: l.filename, Line: p.Line, Col: p.Column, Text: lineText(l.src, p.Offset)}
	}
}

// errorNode reports an error at an ast node (its Offset is looked up).
func (l *lowerer) errorNode(n ast.Node, msg string) {
	if l.err != nil {
		return
	}
	var p ast.Pos
	if n != nil {
		p = n.Position()
	}
	l.errorAt(lexer.Position{Line: p.Line, Column: p.Col, Offset: offsetOf(l.src, p.Line)}, msg)
}

// offsetOf returns the byte offset of the start of line (1-based).
func offsetOf(src []byte, line int) int {
	l := 1
	for i := 0; i < len(src); i++ {
		if l >= line {
			return i
		}
		if src[i] == '\n' || (src[i] == '\r' && (i+1 >= len(src) || src[i+1] != '\n')) {
			l++
		}
	}
	return len(src)
}

// ---------------------------------------------------------------- statements

func (l *lowerer) file(f *gFile) *ast.Module {
	m := &ast.Module{Pos: ast.Pos{Line: 1, Col: 1}, Filename: l.filename}
	m.Body = l.stmts(f.Stmts)
	return m
}

func (l *lowerer) stmts(list []*gStmt) []ast.Stmt {
	out := make([]ast.Stmt, 0, len(list))
	for _, s := range list {
		out = l.stmt(s, out)
	}
	return out
}

func (l *lowerer) suite(s *gSuite) []ast.Stmt {
	if s == nil {
		return nil
	}
	if s.Simple != nil {
		return l.simpleLine(s.Simple, nil)
	}
	return l.stmts(s.Block)
}

func (l *lowerer) stmt(s *gStmt, out []ast.Stmt) []ast.Stmt {
	switch {
	case s.Decorated != nil:
		d := s.Decorated
		decs := make([]ast.Expr, len(d.Decorators))
		for i, dec := range d.Decorators {
			decs[i] = l.named(dec.X)
		}
		async := d.Async.Value != ""
		if d.Def != nil {
			fd := l.funcDef(d.Def, async)
			fd.Decorators = decs
			if async {
				fd.Pos = astPos(d.Async.Pos)
			}
			return append(out, fd)
		}
		if async {
			l.errorAt(d.Class.Pos, "invalid syntax")
		}
		cd := l.classDef(d.Class)
		cd.Decorators = decs
		return append(out, cd)
	case s.Async != nil:
		a := s.Async
		switch {
		case a.Def != nil:
			fd := l.funcDef(a.Def, true)
			fd.Pos = astPos(s.Pos)
			return append(out, fd)
		case a.For != nil:
			f := l.forStmt(a.For)
			f.Async = true
			f.Pos = astPos(s.Pos)
			return append(out, f)
		default:
			w := l.with(a.With)
			w.Async = true
			w.Pos = astPos(s.Pos)
			return append(out, w)
		}
	case s.If != nil:
		return append(out, l.ifStmt(s.If))
	case s.While != nil:
		w := s.While
		return append(out, &ast.While{Pos: astPos(w.Pos), Cond: l.named(w.Cond), Body: l.suite(w.Body), Else: l.suite(w.Else)})
	case s.For != nil:
		return append(out, l.forStmt(s.For))
	case s.Try != nil:
		return append(out, l.try(s.Try))
	case s.With != nil:
		return append(out, l.with(s.With))
	case s.Def != nil:
		return append(out, l.funcDef(s.Def, false))
	case s.Class != nil:
		return append(out, l.classDef(s.Class))
	case s.Simple != nil:
		return l.simpleLine(s.Simple, out)
	}
	l.errorAt(s.Pos, "invalid syntax")
	return out
}

func (l *lowerer) ifStmt(g *gIf) *ast.If {
	top := &ast.If{Pos: astPos(g.Pos), Cond: l.named(g.Cond), Body: l.suite(g.Body)}
	cur := top
	for _, e := range g.Elifs {
		n := &ast.If{Pos: astPos(e.Pos), Cond: l.named(e.Cond), Body: l.suite(e.Body)}
		cur.Else = []ast.Stmt{n}
		cur = n
	}
	cur.Else = l.suite(g.Else)
	return top
}

func (l *lowerer) forStmt(g *gFor) *ast.For {
	target := l.targetList(g.Target)
	l.checkTarget(target, "assign", false)
	return &ast.For{
		Pos:      astPos(g.Pos),
		Target:   target,
		Iter:     l.testListStar(g.Iter),
		Body:     l.suite(g.Body),
		Else:     l.suite(g.Else),
		Yielding: g.Yielding,
	}
}

func (l *lowerer) try(g *gTry) *ast.Try {
	t := &ast.Try{Pos: astPos(g.Pos), Body: l.suite(g.Body)}
	for i, h := range g.Handlers {
		eh := &ast.ExceptHandler{Pos: astPos(h.Pos), Name: h.Name, Body: l.suite(h.Body)}
		if h.Type != nil {
			eh.Type = l.test(h.Type)
		} else if i != len(g.Handlers)-1 {
			l.errorAt(h.Pos, "default 'except:' must be last")
		}
		t.Handlers = append(t.Handlers, eh)
	}
	t.Else = l.suite(g.Else)
	t.Finally = l.suite(g.Finally)
	if len(t.Handlers) == 0 && g.Finally == nil {
		l.errorAt(g.EndPos, "expected 'except' or 'finally' block")
		if l.err != nil && g.EndPos.Offset >= len(l.src) {
			l.err.Incomplete = true
		}
	}
	if len(t.Handlers) == 0 && g.Else != nil {
		l.errorAt(g.Pos, "invalid syntax")
	}
	return t
}

func (l *lowerer) with(g *gWith) *ast.With {
	w := &ast.With{Pos: astPos(g.Pos), Yielding: g.Yielding}
	items := g.Items
	if g.Paren != nil {
		items = g.Paren
	}
	for _, it := range items {
		wi := &ast.WithItem{Context: l.test(it.Ctx)}
		if it.Target != nil {
			wi.Target = l.bitOr(it.Target)
			l.checkTarget(wi.Target, "assign", false)
		}
		w.Items = append(w.Items, wi)
	}
	w.Body = l.suite(g.Body)
	return w
}

func (l *lowerer) funcDef(g *gFuncDef, async bool) *ast.FuncDef {
	fd := &ast.FuncDef{Pos: astPos(g.Pos), Name: g.Name, Async: async}
	ps := make([]paramIn, len(g.Params))
	for i, p := range g.Params {
		in := paramIn{pos: p.Pos, slash: p.Slash, bareStar: p.Star && p.Vararg == nil}
		n := p.Plain
		switch {
		case p.DStar != nil:
			in.star, n = "**", p.DStar
		case p.Vararg != nil:
			in.star, n = "*", p.Vararg
		}
		if n != nil {
			in.name, in.annot, in.def = n.Name, n.Annot, n.Default
		}
		ps[i] = in
	}
	fd.Params = l.params(ps, "function definition")
	if g.Returns != nil {
		fd.Returns = l.test(g.Returns)
	}
	fd.Body = l.suite(g.Body)
	return fd
}

func (l *lowerer) classDef(g *gClassDef) *ast.ClassDef {
	cd := &ast.ClassDef{Pos: astPos(g.Pos), Name: g.Name}
	if g.Paren {
		cd.Bases, cd.Keywords = l.args(g.Args)
	}
	cd.Body = l.suite(g.Body)
	return cd
}

// paramIn is one parameter of a def or a lambda before checking.
type paramIn struct {
	pos      lexer.Position
	slash    bool
	star     string
	name     lexer.Token
	annot    *gTest
	def      *gTest
	bareStar bool
}

func (l *lowerer) params(in []paramIn, what string) *ast.Params {
	ps := &ast.Params{}
	seenSlash, seenStar, seenDefault, bareStar := false, false, false, false
	var bareStarPos lexer.Position
	names := map[string]bool{}
	for _, p := range in {
		if ps.Kwarg != nil {
			l.errorAt(p.pos, "arguments cannot follow var-keyword argument")
			return ps
		}
		switch {
		case p.slash:
			switch {
			case seenSlash:
				l.errorAt(p.pos, "/ may appear only once")
			case seenStar:
				l.errorAt(p.pos, "/ must be ahead of *")
			case len(ps.Args) == 0:
				l.errorAt(p.pos, "at least one argument must precede /")
			}
			seenSlash = true
			ps.PosOnly = len(ps.Args)
			continue
		case p.bareStar:
			if seenStar {
				l.errorAt(p.pos, "* argument may appear only once")
			}
			seenStar, bareStar, bareStarPos = true, true, p.pos
			continue
		}
		param := &ast.Param{Pos: astPos(p.name.Pos), Name: p.name.Value}
		if names[param.Name] {
			l.errorAt(p.name.Pos, fmt.Sprintf("duplicate argument '%s' in %s", param.Name, what))
		}
		names[param.Name] = true
		if p.annot != nil {
			param.Annotation = l.test(p.annot)
		}
		if p.def != nil {
			param.Default = l.test(p.def)
		}
		switch p.star {
		case "*":
			if seenStar {
				l.errorAt(p.pos, "* argument may appear only once")
			}
			if p.def != nil {
				l.errorAt(p.def.Pos, "var-positional argument cannot have default value")
			}
			seenStar, bareStar = true, false
			ps.Vararg = param
		case "**":
			if p.def != nil {
				l.errorAt(p.def.Pos, "var-keyword argument cannot have default value")
			}
			ps.Kwarg = param
		default:
			if seenStar {
				ps.KwOnly = append(ps.KwOnly, param)
				bareStar = false
				continue
			}
			if p.def != nil {
				seenDefault = true
			} else if seenDefault {
				l.errorAt(p.name.Pos, "non-default argument follows default argument")
			}
			ps.Args = append(ps.Args, param)
		}
	}
	if bareStar {
		l.errorAt(bareStarPos, "named arguments must follow bare *")
	}
	return ps
}

func (l *lowerer) simpleLine(g *gSimpleLine, out []ast.Stmt) []ast.Stmt {
	for _, s := range g.Stmts {
		out = append(out, l.small(s))
	}
	return out
}

func (l *lowerer) small(s *gSmall) ast.Stmt {
	pos := astPos(s.Pos)
	switch {
	case s.Pass:
		return &ast.Pass{Pos: pos}
	case s.Break:
		return &ast.Break{Pos: pos}
	case s.Continue:
		return &ast.Continue{Pos: pos}
	case s.Return != nil:
		r := &ast.Return{Pos: pos}
		if s.Return.Value != nil {
			r.Value = l.testListStar(s.Return.Value)
		}
		return r
	case s.Raise != nil:
		r := &ast.Raise{Pos: pos}
		if s.Raise.Exc != nil {
			r.Exc = l.test(s.Raise.Exc)
		}
		if s.Raise.Cause != nil {
			r.Cause = l.test(s.Raise.Cause)
		}
		return r
	case s.Global != nil:
		return &ast.Global{Pos: pos, Names: s.Global}
	case s.Nonlocal != nil:
		return &ast.Nonlocal{Pos: pos, Names: s.Nonlocal}
	case s.Del != nil:
		d := &ast.Del{Pos: pos}
		t := s.Del.Targets
		for _, it := range t.Items {
			e := l.starOrBitOr(it)
			l.checkTarget(e, "del", false)
			d.Targets = append(d.Targets, e)
		}
		return d
	case s.Assert != nil:
		a := &ast.Assert{Pos: pos, Test: l.test(s.Assert.Test)}
		if s.Assert.Msg != nil {
			a.Msg = l.test(s.Assert.Msg)
		}
		return a
	case s.Import != nil:
		im := &ast.Import{Pos: pos}
		for _, d := range s.Import.Names {
			im.Names = append(im.Names, &ast.Alias{Pos: astPos(d.Pos), Name: strings.Join(d.Name, "."), AsName: d.As})
		}
		return im
	case s.From != nil:
		f := s.From
		im := &ast.ImportFrom{Pos: pos, Module: strings.Join(f.Module, ".")}
		for _, d := range f.Dots {
			im.Level += len(d)
		}
		if im.Level == 0 && len(f.Module) == 0 {
			l.errorAt(s.Pos, "invalid syntax")
		}
		names := f.Names
		if f.Paren != nil {
			names = f.Paren
		}
		for _, n := range names {
			im.Names = append(im.Names, &ast.Alias{Pos: astPos(n.Pos), Name: n.Name, AsName: n.As})
		}
		return im
	case s.Expr != nil:
		return l.exprStmt(s.Expr, pos)
	}
	l.errorAt(s.Pos, "invalid syntax")
	return &ast.Pass{Pos: pos}
}

func (l *lowerer) exprStmt(g *gExprStmt, pos ast.Pos) ast.Stmt {
	first := l.exprOrYield(g.First)
	switch {
	case g.Aug != nil:
		switch first.(type) {
		case *ast.Name, *ast.Attribute, *ast.Subscript:
		default:
			l.errorNode(first, fmt.Sprintf("'%s' is an illegal expression for augmented assignment", describe(first)))
		}
		return &ast.AugAssign{Pos: pos, Target: first, Op: augOps[g.Aug.Op], Value: l.exprOrYield(g.Aug.Value)}
	case g.Ann != nil:
		switch first.(type) {
		case *ast.Name, *ast.Attribute, *ast.Subscript:
		case *ast.TupleExpr:
			l.errorNode(first, "only single target (not tuple) can be annotated")
		case *ast.ListExpr:
			l.errorNode(first, "only single target (not list) can be annotated")
		default:
			l.errorNode(first, "illegal target for annotation")
		}
		a := &ast.AnnAssign{Pos: pos, Target: first, Annotation: l.test(g.Ann.Annot)}
		if g.Ann.Value != nil {
			a.Value = l.exprOrYield(g.Ann.Value)
		}
		return a
	case len(g.Assign) > 0:
		a := &ast.Assign{Pos: pos, Targets: []ast.Expr{first}}
		for _, t := range g.Assign[:len(g.Assign)-1] {
			a.Targets = append(a.Targets, l.exprOrYield(t))
		}
		for _, t := range a.Targets {
			l.checkTarget(t, "assign", true)
		}
		a.Value = l.exprOrYield(g.Assign[len(g.Assign)-1])
		return a
	}
	if st, ok := first.(*ast.Starred); ok {
		l.errorNode(st, "can't use starred expression here")
	}
	return &ast.ExprStmt{Pos: pos, X: first}
}

var augOps = map[string]ast.Op{
	"+=": ast.Add, "-=": ast.Sub, "*=": ast.Mul, "@=": ast.MatMul, "/=": ast.Div,
	"//=": ast.FloorDiv, "%=": ast.Mod, "**=": ast.Pow, ">>=": ast.RShift,
	"<<=": ast.LShift, "&=": ast.BitAnd, "^=": ast.BitXor, "|=": ast.BitOr,
}

// describe names the kind of an expression the way CPython's messages do.
func describe(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Constant:
		switch v := e.Value.(type) {
		case nil:
			return "None"
		case bool:
			if v {
				return "True"
			}
			return "False"
		case ast.EllipsisType:
			return "ellipsis"
		}
		return "literal"
	case *ast.JoinedStr, *ast.FormattedValue:
		return "f-string expression"
	case *ast.Call:
		return "function call"
	case *ast.Compare:
		return "comparison"
	case *ast.IfExp:
		return "conditional expression"
	case *ast.Lambda:
		return "lambda"
	case *ast.ListComp:
		return "list comprehension"
	case *ast.SetComp:
		return "set comprehension"
	case *ast.DictComp:
		return "dict comprehension"
	case *ast.GeneratorExp:
		return "generator expression"
	case *ast.Yield, *ast.YieldFrom:
		return "yield expression"
	case *ast.Await:
		return "await expression"
	case *ast.NamedExpr:
		return "named expression"
	case *ast.DictExpr:
		return "dict literal"
	case *ast.SetExpr:
		return "set display"
	case *ast.Starred:
		return "starred"
	case *ast.Name:
		return "name"
	case *ast.TupleExpr:
		return "tuple"
	case *ast.ListExpr:
		return "list"
	case *ast.Attribute:
		return "attribute"
	case *ast.Subscript:
		return "subscript"
	}
	return "expression"
}

// checkTarget reports an error unless e can be assigned to (kind "assign")
// or deleted (kind "del"). top marks the whole target of an `=`.
func (l *lowerer) checkTarget(e ast.Expr, kind string, top bool) {
	l.checkTargetIn(e, kind, top, false)
}

func (l *lowerer) checkTargetIn(e ast.Expr, kind string, top, inSeq bool) {
	if l.err != nil {
		return
	}
	verb := "assign to"
	if kind == "del" {
		verb = "delete"
	}
	switch e := e.(type) {
	case *ast.Name, *ast.Attribute, *ast.Subscript:
		return
	case *ast.Starred:
		if kind == "del" {
			l.errorNode(e, "cannot delete starred")
			return
		}
		if !inSeq {
			l.errorNode(e, "starred assignment target must be in a list or tuple")
			return
		}
		l.checkTargetIn(e.X, kind, false, false)
		return
	case *ast.TupleExpr:
		l.checkSeq(e, e.Elts, kind)
		return
	case *ast.ListExpr:
		l.checkSeq(e, e.Elts, kind)
		return
	case nil:
		return
	}
	msg := fmt.Sprintf("cannot %s %s", verb, describe(e))
	switch e.(type) {
	case *ast.Yield, *ast.YieldFrom:
		if kind != "del" {
			msg = "assignment to yield expression not possible"
		}
	}
	if top {
		switch e.(type) {
		case *ast.Constant, *ast.Call, *ast.Compare, *ast.BinOp, *ast.UnaryOp, *ast.BoolOp, *ast.JoinedStr:
			msg += " here. Maybe you meant '==' instead of '='?"
		}
	}
	l.errorNode(e, msg)
}

func (l *lowerer) checkSeq(seq ast.Expr, elts []ast.Expr, kind string) {
	stars := 0
	for _, x := range elts {
		if _, ok := x.(*ast.Starred); ok {
			stars++
			if stars == 2 && kind != "del" {
				l.errorNode(seq, "multiple starred expressions in assignment")
			}
		}
		l.checkTargetIn(x, kind, false, true)
	}
}

// ------------------------------------------------------------- expressions

func (l *lowerer) exprOrYield(g *gExprOrYield) ast.Expr {
	if g.Yield != nil {
		return l.yield(g.Yield)
	}
	return l.testListStar(g.List)
}

func (l *lowerer) yield(g *gYield) ast.Expr {
	if g.From != nil {
		return &ast.YieldFrom{Pos: astPos(g.Pos), Value: l.test(g.From)}
	}
	y := &ast.Yield{Pos: astPos(g.Pos)}
	if g.Value != nil {
		y.Value = l.testListStar(g.Value)
	}
	return y
}

// testListStar lowers `a, *b, c`: a tuple when there is a comma.
func (l *lowerer) testListStar(g *gTestListStar) ast.Expr {
	if len(g.Items) == 1 && !g.Comma {
		return l.starOrTest(g.Items[0])
	}
	t := &ast.TupleExpr{Pos: astPos(g.Pos)}
	for _, it := range g.Items {
		t.Elts = append(t.Elts, l.starOrTest(it))
	}
	return t
}

func (l *lowerer) starOrTest(g *gStarOrTest) ast.Expr {
	if g.Star != nil {
		return &ast.Starred{Pos: astPos(g.Pos), X: l.bitOr(g.Star)}
	}
	return l.test(g.X)
}

func (l *lowerer) targetList(g *gTargetList) ast.Expr {
	if len(g.Items) == 1 && !g.Comma {
		return l.starOrBitOr(g.Items[0])
	}
	t := &ast.TupleExpr{Pos: astPos(g.Pos)}
	for _, it := range g.Items {
		t.Elts = append(t.Elts, l.starOrBitOr(it))
	}
	return t
}

func (l *lowerer) starOrBitOr(g *gStarOrBitOr) ast.Expr {
	if g.Star != nil {
		return &ast.Starred{Pos: astPos(g.Pos), X: l.bitOr(g.Star)}
	}
	return l.bitOr(g.X)
}

func (l *lowerer) starOrNamed(g *gStarOrNamed) ast.Expr {
	if g.Star != nil {
		return &ast.Starred{Pos: astPos(g.Pos), X: l.bitOr(g.Star)}
	}
	return l.named(g.X)
}

func (l *lowerer) named(g *gNamed) ast.Expr {
	x := l.test(g.X)
	if g.Value == nil {
		return x
	}
	n, ok := x.(*ast.Name)
	if !ok {
		l.errorNode(x, fmt.Sprintf("cannot use assignment expressions with %s", describe(x)))
	}
	return &ast.NamedExpr{Pos: astPos(g.Pos), Target: n, Value: l.test(g.Value)}
}

func (l *lowerer) test(g *gTest) ast.Expr {
	if g.Lambda != nil {
		return l.lambda(g.Lambda)
	}
	body := l.disj(g.Body)
	if g.Cond == nil {
		return body
	}
	return &ast.IfExp{Pos: astPos(g.Pos), Test: l.disj(g.Cond), Body: body, Else: l.test(g.Else)}
}

func (l *lowerer) lambda(g *gLambda) ast.Expr {
	ps := make([]paramIn, len(g.Params))
	for i, p := range g.Params {
		in := paramIn{pos: p.Pos, slash: p.Slash, bareStar: p.Star && p.Vararg == nil}
		n := p.Plain
		switch {
		case p.DStar != nil:
			in.star, n = "**", p.DStar
		case p.Vararg != nil:
			in.star, n = "*", p.Vararg
		}
		if n != nil {
			in.name, in.def = n.Name, n.Default
		}
		ps[i] = in
	}
	return &ast.Lambda{Pos: astPos(g.Pos), Params: l.params(ps, "function definition"), Body: l.test(g.Body)}
}

// Precedences of the logical chain (gDisj).
const (
	precOr  = 1
	precAnd = 2
	precNot = 3
	precCmp = 4
)

var cmpOps = map[string]ast.Op{
	"<": ast.Lt, ">": ast.Gt, "==": ast.Eq, ">=": ast.GtE, "<=": ast.LtE,
	"!=": ast.NotEq, "in": ast.In, "not in": ast.NotIn, "is": ast.Is,
	"is not": ast.IsNot,
}

// logicChain is the state of precedence climbing over a gDisj.
type logicChain struct {
	xs  []*gNotOperand
	ops []ast.Op
	i   int // next operand
}

func (l *lowerer) disj(g *gDisj) ast.Expr {
	if len(g.Tail) == 0 && g.Head.Not == nil {
		return l.bitOr(g.Head.X)
	}
	c := &logicChain{xs: make([]*gNotOperand, 0, len(g.Tail)+1), ops: make([]ast.Op, 0, len(g.Tail))}
	c.xs = append(c.xs, g.Head)
	for _, t := range g.Tail {
		var op ast.Op
		switch s := strings.Join(t.Op, " "); s {
		case "or":
			op = ast.Or
		case "and":
			op = ast.And
		default:
			op = cmpOps[s]
		}
		c.ops = append(c.ops, op)
		c.xs = append(c.xs, t.Right)
	}
	return l.climbLogic(c, precOr)
}

func logicPrec(op ast.Op) int {
	switch op {
	case ast.Or:
		return precOr
	case ast.And:
		return precAnd
	}
	return precCmp
}

func (l *lowerer) climbLogic(c *logicChain, minPrec int) ast.Expr {
	x := c.xs[c.i]
	start := x.Pos
	var lhs ast.Expr
	if x.Not != nil {
		if minPrec > precNot {
			l.errorAt(x.Pos, "invalid syntax")
		}
		c.xs[c.i] = x.Not
		lhs = &ast.UnaryOp{Pos: astPos(x.Pos), Op: ast.Not, X: l.climbLogic(c, precNot)}
	} else {
		lhs = l.bitOr(x.X)
		c.i++
	}
	for c.i-1 < len(c.ops) {
		op := c.ops[c.i-1]
		prec := logicPrec(op)
		if prec < minPrec {
			break
		}
		switch op {
		case ast.Or, ast.And:
			b := &ast.BoolOp{Pos: astPos(start), Op: op, Values: []ast.Expr{lhs}}
			for c.i-1 < len(c.ops) && c.ops[c.i-1] == op {
				b.Values = append(b.Values, l.climbLogic(c, prec+1))
			}
			lhs = b
		default:
			cmp := &ast.Compare{Pos: astPos(start), Left: lhs}
			for c.i-1 < len(c.ops) && logicPrec(c.ops[c.i-1]) == precCmp {
				cmp.Ops = append(cmp.Ops, c.ops[c.i-1])
				cmp.Rights = append(cmp.Rights, l.climbLogic(c, precCmp+1))
			}
			lhs = cmp
		}
	}
	return lhs
}

var binOps = map[string]ast.Op{
	"|": ast.BitOr, "^": ast.BitXor, "&": ast.BitAnd, "<<": ast.LShift,
	">>": ast.RShift, "+": ast.Add, "-": ast.Sub, "*": ast.Mul, "/": ast.Div,
	"//": ast.FloorDiv, "%": ast.Mod, "@": ast.MatMul,
}

func binPrec(op ast.Op) int {
	switch op {
	case ast.BitOr:
		return 1
	case ast.BitXor:
		return 2
	case ast.BitAnd:
		return 3
	case ast.LShift, ast.RShift:
		return 4
	case ast.Add, ast.Sub:
		return 5
	}
	return 6
}

func (l *lowerer) bitOr(g *gBitOr) ast.Expr {
	if len(g.Tail) == 0 {
		return l.factor(g.Head)
	}
	xs := make([]*gFactor, 0, len(g.Tail)+1)
	ops := make([]ast.Op, 0, len(g.Tail))
	xs = append(xs, g.Head)
	for _, t := range g.Tail {
		ops = append(ops, binOps[t.Op])
		xs = append(xs, t.Right)
	}
	i := 0
	return l.climbBin(xs, ops, &i, 1)
}

func (l *lowerer) climbBin(xs []*gFactor, ops []ast.Op, i *int, minPrec int) ast.Expr {
	start := xs[*i].Pos
	lhs := l.factor(xs[*i])
	*i++
	for *i-1 < len(ops) {
		op := ops[*i-1]
		prec := binPrec(op)
		if prec < minPrec {
			break
		}
		rhs := l.climbBin(xs, ops, i, prec+1)
		lhs = &ast.BinOp{Pos: astPos(start), Op: op, X: lhs, Y: rhs}
	}
	return lhs
}

func (l *lowerer) factor(g *gFactor) ast.Expr {
	if g.Power != nil {
		return l.power(g.Power)
	}
	var op ast.Op
	switch g.Op {
	case "-":
		op = ast.USub
	case "+":
		op = ast.UAdd
	default:
		op = ast.Invert
	}
	return &ast.UnaryOp{Pos: astPos(g.Pos), Op: op, X: l.factor(g.X)}
}

func (l *lowerer) power(g *gPower) ast.Expr {
	var base ast.Expr
	if g.Await != nil {
		base = &ast.Await{Pos: astPos(g.Pos), Value: l.primary(g.Await)}
	} else {
		base = l.primary(g.Primary)
	}
	if g.Exp == nil {
		return base
	}
	return &ast.BinOp{Pos: astPos(g.Pos), Op: ast.Pow, X: base, Y: l.factor(g.Exp)}
}

func (l *lowerer) primary(g *gPrimary) ast.Expr {
	x := l.atom(g.Atom)
	pos := astPos(g.Pos)
	for _, t := range g.Trailers {
		switch {
		case t.Call:
			c := &ast.Call{Pos: pos, Func: x}
			c.Args, c.Keywords = l.args(t.Args)
			// A generator expression as the sole argument starts at "(".
			if len(t.Args) == 1 && t.Args[0].Comp != nil {
				if ge, ok := c.Args[0].(*ast.GeneratorExp); ok {
					ge.Pos = astPos(t.Pos)
				}
			}
			x = c
		case t.Index:
			s := &ast.Subscript{Pos: pos, X: x}
			if len(t.Subs) == 1 && !t.SubComma {
				s.Index = l.sub(t.Subs[0])
			} else {
				tu := &ast.TupleExpr{Pos: astPos(t.Subs[0].Pos)}
				for _, sub := range t.Subs {
					tu.Elts = append(tu.Elts, l.sub(sub))
				}
				s.Index = tu
			}
			x = s
		default:
			x = &ast.Attribute{Pos: pos, X: x, Name: t.Attr}
		}
	}
	return x
}

func (l *lowerer) sub(g *gSub) ast.Expr {
	rest := g.Slice
	if g.Only != nil {
		rest = g.Only
	}
	if rest == nil {
		return l.named(g.Lo)
	}
	s := &ast.Slice{Pos: astPos(g.Pos)}
	if g.Lo != nil {
		s.Lo = l.test(g.Lo.X)
		if g.Lo.Value != nil {
			l.errorAt(g.Lo.Value.Pos, "invalid syntax")
		}
	}
	if rest.Hi != nil {
		s.Hi = l.test(rest.Hi)
	}
	if rest.Step != nil && rest.Step.X != nil {
		s.Step = l.test(rest.Step.X)
	}
	return s
}

// args lowers call (or class) arguments, checking their order.
func (l *lowerer) args(list []*gArg) ([]ast.Expr, []*ast.Keyword) {
	var args []ast.Expr
	var kws []*ast.Keyword
	seenKw, seenDStar := false, false
	kwNames := map[string]bool{}
	for _, a := range list {
		switch {
		case a.Star != nil:
			if seenDStar {
				l.errorAt(a.Pos, "iterable argument unpacking follows keyword argument unpacking")
			}
			args = append(args, &ast.Starred{Pos: astPos(a.Pos), X: l.test(a.Star)})
		case a.DStar != nil:
			seenDStar = true
			kws = append(kws, &ast.Keyword{Pos: astPos(a.Pos), Value: l.test(a.DStar)})
		case a.Kw != nil:
			x := l.test(a.X)
			n, ok := x.(*ast.Name)
			if !ok {
				if c, isConst := x.(*ast.Constant); isConst && (c.Value == nil || c.Value == true || c.Value == false) {
					l.errorNode(x, fmt.Sprintf("cannot assign to %s", describe(x)))
				} else {
					l.errorNode(x, `expression cannot contain assignment, perhaps you meant "=="?`)
				}
				continue
			}
			seenKw = true
			if kwNames[n.Id] {
				l.errorAt(a.Pos, "keyword argument repeated: "+n.Id)
			}
			kwNames[n.Id] = true
			kws = append(kws, &ast.Keyword{Pos: astPos(a.Pos), Name: n.Id, Value: l.test(a.Kw)})
		default:
			var x ast.Expr
			switch {
			case a.Comp != nil:
				if len(list) != 1 {
					l.errorAt(a.Pos, "Generator expression must be parenthesized")
				}
				x = &ast.GeneratorExp{Pos: astPos(a.Pos), Elt: l.test(a.X), Generators: l.compFor(a.Comp)}
			case a.Walrus != nil:
				t := l.test(a.X)
				n, ok := t.(*ast.Name)
				if !ok {
					l.errorNode(t, fmt.Sprintf("cannot use assignment expressions with %s", describe(t)))
				}
				x = &ast.NamedExpr{Pos: astPos(a.Pos), Target: n, Value: l.test(a.Walrus)}
			default:
				x = l.test(a.X)
			}
			if seenDStar {
				l.errorAt(a.Pos, "positional argument follows keyword argument unpacking")
			} else if seenKw {
				l.errorAt(a.Pos, "positional argument follows keyword argument")
			}
			args = append(args, x)
		}
	}
	return args, kws
}

func (l *lowerer) compFor(g *gCompFor) []*ast.Comprehension {
	target := l.targetList(g.Target)
	l.checkTarget(target, "assign", false)
	c := &ast.Comprehension{Pos: astPos(g.Pos), Target: target, Iter: l.disj(g.Iter), Async: g.Async, Yielding: g.Yielding}
	out := []*ast.Comprehension{c}
	for _, r := range g.Rest {
		if r.If != nil {
			c.Ifs = append(c.Ifs, l.disj(r.If))
		} else {
			out = append(out, l.compFor(r.For)...)
		}
	}
	return out
}

func (l *lowerer) atom(g *gAtom) ast.Expr {
	pos := astPos(g.Pos)
	switch {
	case g.Paren:
		if g.ParenIn == nil {
			return &ast.TupleExpr{Pos: pos}
		}
		if g.ParenIn.Yield != nil {
			return l.yield(g.ParenIn.Yield)
		}
		t := g.ParenIn.Items
		if t.Comp != nil {
			if len(t.Rest) > 0 || t.Comma {
				l.errorAt(t.Pos, "Generator expression must be parenthesized")
			}
			return &ast.GeneratorExp{Pos: pos, Elt: l.compElt(t.First), Generators: l.compFor(t.Comp)}
		}
		if len(t.Rest) == 0 && !t.Comma {
			x := l.starOrNamed(t.First)
			if _, ok := x.(*ast.Starred); ok {
				l.errorNode(x, "cannot use starred expression here")
			}
			return x
		}
		return &ast.TupleExpr{Pos: pos, Elts: l.items(t)}
	case g.List:
		if g.ListIn == nil {
			return &ast.ListExpr{Pos: pos}
		}
		t := g.ListIn
		if t.Comp != nil {
			if len(t.Rest) > 0 || t.Comma {
				l.errorAt(t.Pos, "did you forget parentheses around the comprehension target?")
			}
			return &ast.ListComp{Pos: pos, Elt: l.compElt(t.First), Generators: l.compFor(t.Comp)}
		}
		return &ast.ListExpr{Pos: pos, Elts: l.items(t)}
	case g.Brace:
		if g.BraceIn == nil {
			return &ast.DictExpr{Pos: pos}
		}
		return l.brace(g.BraceIn, pos)
	case g.Name != "":
		return &ast.Name{Pos: pos, Id: g.Name}
	case g.Number != "":
		return l.number(g.Number, g.Pos)
	case g.Strs != nil:
		return l.strings(g.Strs)
	}
	switch g.Const {
	case "None":
		return &ast.Constant{Pos: pos}
	case "True":
		return &ast.Constant{Pos: pos, Value: true}
	case "False":
		return &ast.Constant{Pos: pos, Value: false}
	}
	return &ast.Constant{Pos: pos, Value: ast.EllipsisType{}}
}

// compElt lowers the element of a comprehension, which cannot be starred.
func (l *lowerer) compElt(g *gStarOrNamed) ast.Expr {
	x := l.starOrNamed(g)
	if _, ok := x.(*ast.Starred); ok {
		l.errorNode(x, "iterable unpacking cannot be used in comprehension")
	}
	return x
}

func (l *lowerer) items(t *gTestListComp) []ast.Expr {
	elts := make([]ast.Expr, 0, len(t.Rest)+1)
	elts = append(elts, l.starOrNamed(t.First))
	for _, it := range t.Rest {
		elts = append(elts, l.starOrNamed(it))
	}
	return elts
}

func isDictItem(it *gDictItem) bool { return it.DStar != nil || it.Value != nil }

func (l *lowerer) brace(g *gBrace, pos ast.Pos) ast.Expr {
	if isDictItem(g.First) {
		if g.Comp != nil {
			if g.First.DStar != nil {
				l.errorAt(g.First.Pos, "dict unpacking cannot be used in dict comprehension")
				return &ast.DictExpr{Pos: pos}
			}
			if len(g.Rest) > 0 || g.Comma {
				l.errorAt(g.Pos, "invalid syntax")
			}
			return &ast.DictComp{Pos: pos, Key: l.named(g.First.Key), Value: l.test(g.First.Value), Generators: l.compFor(g.Comp)}
		}
		d := &ast.DictExpr{Pos: pos}
		for _, it := range append([]*gDictItem{g.First}, g.Rest...) {
			switch {
			case it.DStar != nil:
				d.Keys = append(d.Keys, nil)
				d.Values = append(d.Values, l.bitOr(it.DStar))
			case it.Value != nil:
				k := l.named(it.Key)
				if _, ok := k.(*ast.NamedExpr); ok {
					l.errorNode(k, "invalid syntax")
				}
				d.Keys = append(d.Keys, k)
				d.Values = append(d.Values, l.test(it.Value))
			case it.Star != nil:
				l.errorAt(it.Pos, "cannot use a starred expression in a dictionary value")
			default:
				l.errorAt(it.Pos, "':' expected after dictionary key")
			}
		}
		return d
	}
	if g.Comp != nil {
		if len(g.Rest) > 0 || g.Comma {
			l.errorAt(g.Pos, "did you forget parentheses around the comprehension target?")
		}
		x := l.setItem(g.First)
		if _, ok := x.(*ast.Starred); ok {
			l.errorNode(x, "iterable unpacking cannot be used in comprehension")
		}
		return &ast.SetComp{Pos: pos, Elt: x, Generators: l.compFor(g.Comp)}
	}
	s := &ast.SetExpr{Pos: pos}
	for _, it := range append([]*gDictItem{g.First}, g.Rest...) {
		if isDictItem(it) {
			l.errorAt(it.Pos, "invalid syntax")
			continue
		}
		s.Elts = append(s.Elts, l.setItem(it))
	}
	return s
}

func (l *lowerer) setItem(it *gDictItem) ast.Expr {
	if it.Star != nil {
		return &ast.Starred{Pos: astPos(it.Pos), X: l.bitOr(it.Star)}
	}
	return l.named(it.Key)
}

// number lowers a numeric literal (already validated by the lexer).
func (l *lowerer) number(lit string, p lexer.Position) ast.Expr {
	pos := astPos(p)
	s := strings.ReplaceAll(lit, "_", "")
	last := s[len(s)-1]
	if last == 'j' || last == 'J' {
		f, err := strconv.ParseFloat(s[:len(s)-1], 64)
		if err != nil && !isRangeErr(err) {
			l.errorAt(p, "invalid imaginary literal")
		}
		return &ast.Constant{Pos: pos, Value: complex(0, f)}
	}
	base := 10
	digits := s
	if len(s) > 1 && s[0] == '0' {
		switch s[1] | 0x20 {
		case 'x':
			base, digits = 16, s[2:]
		case 'o':
			base, digits = 8, s[2:]
		case 'b':
			base, digits = 2, s[2:]
		}
	}
	if base == 10 && strings.ContainsAny(s, ".eE") {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil && !isRangeErr(err) {
			l.errorAt(p, "invalid decimal literal")
		}
		return &ast.Constant{Pos: pos, Value: f}
	}
	n, ok := new(big.Int).SetString(digits, base)
	if !ok {
		l.errorAt(p, "invalid decimal literal")
		n = new(big.Int)
	}
	return &ast.Constant{Pos: pos, Value: n}
}

func isRangeErr(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}
