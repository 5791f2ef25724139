// compile.go is the code generator: it walks the syntax tree, using the
// scopes of scope.go, and emits the instructions, constants, names, line
// table and exception table of every Code object.

package compiler

import (
	"fmt"
	"math"
	"math/big"
	"strings"

	"yflow/lang/ast"
)

// Mode selects what a compilation unit is.
type Mode int

// Compilation modes.
const (
	ModeExec   Mode = iota // a module or file
	ModeSingle             // one REPL input: expression statements print their value (PRINT_EXPR)
	ModeEval               // a single expression: the code returns its value
)

// Error is a compile-time error (a SyntaxError) with its position.
type Error struct {
	Kind     string // "SyntaxError"
	Msg      string
	Filename string
	Line     int
	Col      int
}

// Error formats e as "file:line:col: Kind: msg".
func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s: %s", e.Filename, e.Line, e.Col, e.Kind, e.Msg)
}

// Compile compiles a module. In ModeEval the module must consist of a
// single expression statement.
func Compile(mod *ast.Module, mode Mode) (code *Code, err error) {
	if mod == nil {
		return nil, &Error{Kind: "SyntaxError", Msg: "no module", Line: 1, Col: 1}
	}
	if mode == ModeEval {
		if len(mod.Body) != 1 {
			return nil, &Error{Kind: "SyntaxError", Msg: "invalid syntax", Filename: mod.Filename, Line: mod.Line, Col: mod.Col}
		}
		es, ok := mod.Body[0].(*ast.ExprStmt)
		if !ok {
			p := nodePos(mod.Body[0])
			return nil, &Error{Kind: "SyntaxError", Msg: "invalid syntax", Filename: mod.Filename, Line: p.Line, Col: p.Col}
		}
		return compileEval(mod, es.X)
	}
	defer func() {
		if r := recover(); r != nil {
			code, err = nil, &Error{Kind: "SyntaxError", Msg: fmt.Sprintf("internal compiler error: %v", r), Filename: mod.Filename, Line: mod.Line, Col: mod.Col}
		}
	}()
	st, serr := buildSymtable(mod, mod.Filename)
	if serr != nil {
		return nil, serr
	}
	c := &compiler{st: st, filename: mod.Filename, mode: mode, futureAnnotations: futureAnnotations(mod)}
	c.enter(st.module, "<module>", "<module>", 1)
	c.u.code.Flags |= FlagModule
	body := mod.Body
	if mode == ModeExec {
		if doc, ok := docstring(body); ok {
			c.setLine(body[0])
			c.loadConst(doc)
			c.nameOp("__doc__", ctxStore)
			body = body[1:]
		}
	}
	c.setupAnnotations(body)
	c.stmts(body)
	c.u.line = int32(c.u.lastLine)
	c.loadConst(nil)
	c.emit(RETURN_VALUE, 0)
	code = c.leave()
	if c.err != nil {
		return nil, c.err
	}
	return code, nil
}

// CompileExpr compiles a lone expression (ModeEval): the code returns the
// expression's value.
func CompileExpr(filename string, e ast.Expr) (*Code, error) {
	if e == nil {
		return nil, &Error{Kind: "SyntaxError", Msg: "invalid syntax", Filename: filename, Line: 1, Col: 1}
	}
	mod := &ast.Module{Pos: e.Position(), Filename: filename}
	return compileEval(mod, e)
}

func compileEval(mod *ast.Module, e ast.Expr) (code *Code, err error) {
	defer func() {
		if r := recover(); r != nil {
			code, err = nil, &Error{Kind: "SyntaxError", Msg: fmt.Sprintf("internal compiler error: %v", r), Filename: mod.Filename, Line: mod.Line, Col: mod.Col}
		}
	}()
	st, serr := buildSymtableExpr(mod, e, mod.Filename)
	if serr != nil {
		return nil, serr
	}
	c := &compiler{st: st, filename: mod.Filename, mode: ModeEval}
	c.enter(st.module, "<module>", "<module>", e.Position().Line)
	c.u.code.Flags |= FlagModule
	c.expr(e)
	c.emit(RETURN_VALUE, 0)
	code = c.leave()
	if c.err != nil {
		return nil, c.err
	}
	return code, nil
}

// docstring returns the docstring of a body.
func docstring(body []ast.Stmt) (string, bool) {
	if len(body) == 0 {
		return "", false
	}
	if es, ok := body[0].(*ast.ExprStmt); ok {
		if k, ok := es.X.(*ast.Constant); ok {
			if s, ok := k.Value.(string); ok {
				return s, true
			}
		}
	}
	return "", false
}

// ---------------------------------------------------------------- units

type instr struct {
	op   Opcode
	arg  uint32
	line int32
	h    *handler
}

// handler is an exception handler: its label and the stack depth to
// unwind to.
type handler struct {
	label int
	depth int
}

type fblockKind int

const (
	fbWhile fblockKind = iota
	fbFor
	fbTryExcept
	fbFinallyTry
	fbFinallyEnd
	fbWith
	fbHandlerCleanup
	fbPopValue
	fbExceptionHandler
)

// fblock is a compile-time frame block: what break/continue/return must
// undo when leaving it.
type fblock struct {
	kind     fblockKind
	start    int      // loops: the continue target
	exit     int      // loops: the break target
	outer    *handler // the handler in effect outside the block
	body     []ast.Stmt
	name     string // except-as name
	async    bool
	yielding bool
}

// unit is the code object being compiled.
type unit struct {
	annotations bool // the body records annotations in __annotations__
	parent      *unit
	sc          *scope // the scope of the code object
	cur         *scope // the scope names are resolved in (an inline comprehension or sc)
	code        *Code

	instrs     []instr
	labels     []int
	labelDepth []int
	consts     map[string]int
	names      map[string]int
	varnames   map[string]int
	cellIdx    map[string]int
	fblocks    []*fblock

	depth    int
	dead     bool
	h        *handler
	line     int32
	lastLine int
}

// debugNoVerify (tests only) keeps stack-analysis failures from failing
// the compilation, so that the faulty code can be disassembled.
var debugNoVerify bool

type ctxKind int

const (
	ctxLoad ctxKind = iota
	ctxStore
	ctxDel
)

type compiler struct {
	st       *symtable
	filename string
	mode     Mode
	u        *unit
	err      *Error
	// futureAnnotations: `from __future__ import annotations` (PEP 563)
	futureAnnotations bool
}

func (c *compiler) errorf(pos ast.Pos, format string, args ...any) {
	if c.err == nil {
		c.err = &Error{Kind: "SyntaxError", Msg: fmt.Sprintf(format, args...), Filename: c.filename, Line: pos.Line, Col: pos.Col}
	}
}

// enter starts compiling a new code object for scope sc.
func (c *compiler) enter(sc *scope, name, qualname string, firstLine int) {
	u := &unit{parent: c.u, sc: sc, cur: sc,
		code:   &Code{Name: name, QualName: qualname, Filename: c.filename, FirstLine: firstLine},
		consts: map[string]int{}, names: map[string]int{}, varnames: map[string]int{}, cellIdx: map[string]int{},
		line: int32(firstLine), lastLine: firstLine}
	for _, p := range sc.params {
		u.varnames[p] = len(u.code.VarNames)
		u.code.VarNames = append(u.code.VarNames, p)
	}
	cells := append([]string(nil), sc.cellOrder...)
	var addInline func(s *scope)
	addInline = func(s *scope) {
		for _, ch := range s.children {
			if ch.inline {
				for _, n := range ch.cellOrder {
					cells = append(cells, ch.storage[n])
				}
				addInline(ch)
			}
		}
	}
	addInline(sc)
	for _, n := range cells {
		u.cellIdx[n] = len(u.code.CellVars)
		u.code.CellVars = append(u.code.CellVars, n)
		arg := -1
		if i, ok := u.varnames[n]; ok {
			arg = i
		}
		u.code.Cell2Arg = append(u.code.Cell2Arg, arg)
	}
	for _, n := range sc.frees {
		u.cellIdx[n] = len(u.code.CellVars) + len(u.code.FreeVars)
		u.code.FreeVars = append(u.code.FreeVars, n)
	}
	if len(u.code.Cell2Arg) == 0 {
		u.code.Cell2Arg = nil
	}
	if c.u != nil && c.u.sc.isFunc() {
		u.code.Flags |= FlagNested
	}
	c.u = u
}

// leave finishes the current code object and returns to its parent.
func (c *compiler) leave() *Code {
	u := c.u
	c.u = u.parent
	code := u.code
	code.Instrs = make([]uint32, len(u.instrs))
	code.Lines = make([]int32, len(u.instrs))
	for i, in := range u.instrs {
		arg := in.arg
		if isJump(in.op) {
			arg = uint32(u.labels[arg])
		}
		code.Instrs[i] = MakeInstr(in.op, arg)
		code.Lines[i] = in.line
	}
	// Exception table: run-length encode the handler of each instruction.
	for i := 0; i < len(u.instrs); {
		h := u.instrs[i].h
		j := i + 1
		for j < len(u.instrs) && u.instrs[j].h == h {
			j++
		}
		if h != nil {
			code.ExcTable = append(code.ExcTable, ExcEntry{Start: int32(i), End: int32(j), Target: int32(u.labels[h.label]), Depth: int32(h.depth)})
		}
		i = j
	}
	if c.err == nil {
		sz, err := analyzeStack(code)
		if err != nil && !debugNoVerify {
			c.errorf(ast.Pos{Line: code.FirstLine, Col: 1}, "internal compiler error: %v", err)
		}
		code.StackSize = sz
	}
	return code
}

func (c *compiler) newLabel() int {
	u := c.u
	u.labels = append(u.labels, -1)
	u.labelDepth = append(u.labelDepth, -1)
	return len(u.labels) - 1
}

func (c *compiler) bind(l int) {
	u := c.u
	u.labels[l] = len(u.instrs)
	if u.dead {
		if u.labelDepth[l] >= 0 {
			u.depth = u.labelDepth[l]
		}
		u.dead = false
	} else if u.labelDepth[l] < 0 {
		u.labelDepth[l] = u.depth
	}
}

// bindHandler places a handler's label: the stack then holds the handler's
// depth plus the exception.
func (c *compiler) bindHandler(h *handler) {
	c.u.labelDepth[h.label] = h.depth + 1
	c.u.dead = true
	c.bind(h.label)
}

func (c *compiler) newHandler() *handler {
	return &handler{label: c.newLabel(), depth: c.u.depth}
}

func (c *compiler) emit(op Opcode, arg int) {
	u := c.u
	if arg < 0 || arg > MaxArg {
		c.errorf(ast.Pos{Line: int(u.line), Col: 1}, "too many operands")
		arg = 0
	}
	u.instrs = append(u.instrs, instr{op: op, arg: uint32(arg), line: u.line, h: u.h})
	if isJump(op) {
		d := u.depth + StackEffect(op, uint32(arg), true)
		if u.labelDepth[arg] < 0 {
			u.labelDepth[arg] = d
		}
	}
	u.depth += StackEffect(op, uint32(arg), false)
	if isTerminal(op) {
		u.dead = true
	}
}

func (c *compiler) jump(op Opcode, label int) { c.emit(op, label) }

func (c *compiler) setLine(n ast.Node) {
	if n == nil {
		return
	}
	if l := n.Position().Line; l > 0 {
		c.u.line = int32(l)
		c.u.lastLine = l
	}
}

// ---------------------------------------------------------------- constants and names

func constKey(v any) string {
	switch v := v.(type) {
	case nil:
		return "N"
	case bool:
		return fmt.Sprintf("B%v", v)
	case int64:
		return fmt.Sprintf("i%d", v)
	case *big.Int:
		return "I" + v.String()
	case float64:
		return fmt.Sprintf("f%x", math.Float64bits(v))
	case complex128:
		return fmt.Sprintf("c%x,%x", math.Float64bits(real(v)), math.Float64bits(imag(v)))
	case string:
		return "s" + v
	case ast.Bytes:
		return "b" + string(v)
	case ast.EllipsisType:
		return "E"
	case Tuple:
		var b strings.Builder
		b.WriteString("t(")
		for _, x := range v {
			k := constKey(x)
			if k == "" {
				return ""
			}
			fmt.Fprintf(&b, "%d:%s", len(k), k)
		}
		b.WriteString(")")
		return b.String()
	}
	return ""
}

func (c *compiler) constIndex(v any) int {
	u := c.u
	k := constKey(v)
	if k != "" {
		if i, ok := u.consts[k]; ok {
			return i
		}
		u.consts[k] = len(u.code.Consts)
	}
	u.code.Consts = append(u.code.Consts, v)
	return len(u.code.Consts) - 1
}

func (c *compiler) loadConst(v any) { c.emit(LOAD_CONST, c.constIndex(v)) }

func (c *compiler) nameIndex(n string) int {
	u := c.u
	if i, ok := u.names[n]; ok {
		return i
	}
	u.names[n] = len(u.code.Names)
	u.code.Names = append(u.code.Names, n)
	return len(u.code.Names) - 1
}

func (c *compiler) varIndex(n string) int {
	u := c.u
	if i, ok := u.varnames[n]; ok {
		return i
	}
	u.varnames[n] = len(u.code.VarNames)
	u.code.VarNames = append(u.code.VarNames, n)
	return len(u.code.VarNames) - 1
}

func (c *compiler) mangle(name string) string { return mangle(c.u.cur.private, name) }

// nameOp emits the load, store or delete of a variable.
func (c *compiler) nameOp(name string, ctx ctxKind) {
	mangled := c.mangle(name)
	s := c.u.cur
	for s.inline {
		if st, ok := s.storage[mangled]; ok {
			if s.cells[mangled] {
				c.derefOp(st, ctx, false)
			} else {
				c.fastOp(st, ctx)
			}
			return
		}
		s = s.parent
	}
	k, ok := s.bind[mangled]
	if !ok {
		// Not seen by the scope pass (cannot happen for parsed trees).
		k = bindGlobalImplicit
		if s.kind != scopeModule && s.syms[mangled]&(symBound|symParam) != 0 {
			k = bindLocal
		}
	}
	switch k {
	case bindLocal:
		if s.isFunc() {
			if s.cells[mangled] {
				c.derefOp(mangled, ctx, false)
			} else {
				c.fastOp(mangled, ctx)
			}
			return
		}
		c.namedOp(LOAD_NAME, STORE_NAME, DELETE_NAME, mangled, ctx)
	case bindGlobalExplicit:
		c.namedOp(LOAD_GLOBAL, STORE_GLOBAL, DELETE_GLOBAL, mangled, ctx)
	case bindGlobalImplicit:
		if s.isFunc() {
			c.namedOp(LOAD_GLOBAL, STORE_GLOBAL, DELETE_GLOBAL, mangled, ctx)
		} else {
			c.namedOp(LOAD_NAME, STORE_NAME, DELETE_NAME, mangled, ctx)
		}
	case bindFree:
		c.derefOp(mangled, ctx, s.kind == scopeClass)
	default:
		c.namedOp(LOAD_NAME, STORE_NAME, DELETE_NAME, mangled, ctx)
	}
}

func (c *compiler) namedOp(load, store, del Opcode, name string, ctx ctxKind) {
	op := load
	switch ctx {
	case ctxStore:
		op = store
	case ctxDel:
		op = del
	}
	c.emit(op, c.nameIndex(name))
}

func (c *compiler) fastOp(name string, ctx ctxKind) {
	op := LOAD_FAST
	switch ctx {
	case ctxStore:
		op = STORE_FAST
	case ctxDel:
		op = DELETE_FAST
	}
	c.emit(op, c.varIndex(name))
}

func (c *compiler) derefOp(name string, ctx ctxKind, classBody bool) {
	i, ok := c.u.cellIdx[name]
	if !ok {
		c.errorf(ast.Pos{Line: int(c.u.line), Col: 1}, "internal compiler error: no cell for %s", name)
		return
	}
	op := LOAD_DEREF
	switch {
	case ctx == ctxStore:
		op = STORE_DEREF
	case ctx == ctxDel:
		op = DELETE_DEREF
	case classBody:
		op = LOAD_CLASSDEREF
	}
	c.emit(op, i)
}

// closureIndex returns the cell index, in the current unit, of the variable
// a nested scope (defined in the current scope) captures as name.
func (c *compiler) closureIndex(name string) (int, bool) {
	s := c.u.cur
	n := name
	for s.inline {
		if st, ok := s.storage[name]; ok {
			n = st
			break
		}
		s = s.parent
	}
	i, ok := c.u.cellIdx[n]
	return i, ok
}

// makeClosure emits MAKE_FUNCTION for code (whose scope is sc); flags
// says which of defaults/kwdefaults are already on the stack.
func (c *compiler) makeClosure(code *Code, sc *scope, flags int) {
	if len(sc.frees) > 0 {
		for _, n := range sc.frees {
			i, ok := c.closureIndex(n)
			if !ok {
				c.errorf(ast.Pos{Line: int(c.u.line), Col: 1}, "internal compiler error: no cell for free variable %s of %s", n, code.Name)
				return
			}
			c.emit(LOAD_CLOSURE, i)
		}
		c.emit(BUILD_TUPLE, len(sc.frees))
		flags |= 8
	}
	c.emit(LOAD_CONST, c.constIndex(code))
	c.emit(MAKE_FUNCTION, flags)
}

// qualName computes the qualified name of a new code object named name.
func (c *compiler) qualName(name string) string {
	u := c.u
	if u == nil || u.sc.kind == scopeModule {
		return name
	}
	// A function declared global in its parent has a plain qualname.
	if s := u.cur; s != nil {
		if s.bind[mangle(s.private, name)] == bindGlobalExplicit {
			return name
		}
	}
	base := u.code.QualName
	if u.sc.isFunc() {
		base += ".<locals>"
	}
	return base + "." + name
}

// ---------------------------------------------------------------- statements

func (c *compiler) stmts(list []ast.Stmt) {
	for _, s := range list {
		if c.err != nil {
			return
		}
		c.stmt(s)
	}
}

func (c *compiler) stmt(s ast.Stmt) {
	if s == nil {
		return
	}
	c.setLine(s)
	switch s := s.(type) {
	case *ast.ExprStmt:
		if c.mode == ModeSingle && c.u.sc.kind == scopeModule {
			c.expr(s.X)
			c.emit(PRINT_EXPR, 0)
			return
		}
		if _, ok := s.X.(*ast.Constant); ok {
			return
		}
		c.expr(s.X)
		c.emit(POP_TOP, 0)
	case *ast.Assign:
		c.assign(s)
	case *ast.AugAssign:
		c.augAssign(s)
	case *ast.AnnAssign:
		switch t := s.Target.(type) {
		case *ast.Name, *ast.Attribute, *ast.Subscript:
		case *ast.TupleExpr, *ast.ListExpr:
			c.errorf(s.Pos, "only single target (not %s) can be annotated", exprName(t))
			return
		default:
			c.errorf(s.Pos, "illegal target for annotation")
			return
		}
		if s.Value != nil {
			c.expr(s.Value)
			c.store(s.Target)
		}
		if n, ok := s.Target.(*ast.Name); ok && c.u.annotations {
			// module and class bodies record simple annotations, as CPython
			c.annotation(s.Annotation)
			c.namedOp(LOAD_NAME, 0, 0, "__annotations__", ctxLoad)
			c.loadConst(c.mangle(n.Id))
			c.emit(STORE_SUBSCR, 0)
		}
	case *ast.If:
		c.ifStmt(s)
	case *ast.While:
		c.whileStmt(s)
	case *ast.For:
		if s.Async {
			c.asyncFor(s)
		} else {
			c.forStmt(s)
		}
	case *ast.Break:
		c.breakStmt(s.Pos, false)
	case *ast.Continue:
		c.breakStmt(s.Pos, true)
	case *ast.Pass:
	case *ast.Return:
		c.returnStmt(s)
	case *ast.FuncDef:
		c.funcDef(s)
	case *ast.ClassDef:
		c.classDef(s)
	case *ast.Try:
		if len(s.Finally) > 0 {
			c.tryFinally(s)
		} else {
			c.tryExcept(s)
		}
	case *ast.Raise:
		n := 0
		if s.Exc != nil {
			c.expr(s.Exc)
			n++
			if s.Cause != nil {
				c.expr(s.Cause)
				n++
			}
		}
		c.setLine(s)
		c.emit(RAISE_VARARGS, n)
	case *ast.With:
		c.with(s, 0)
	case *ast.Assert:
		end := c.newLabel()
		c.jumpIf(s.Test, true, end)
		c.setLine(s)
		c.emit(LOAD_ASSERTION_ERROR, 0)
		if s.Msg != nil {
			c.expr(s.Msg)
			c.emit(CALL, 1)
		}
		c.emit(RAISE_VARARGS, 1)
		c.bind(end)
	case *ast.Del:
		for _, t := range s.Targets {
			c.del(t)
		}
	case *ast.Global, *ast.Nonlocal:
	case *ast.Import:
		c.importStmt(s)
	case *ast.ImportFrom:
		c.importFrom(s)
	default:
		c.errorf(s.Position(), "unsupported statement %T", s)
	}
}

func (c *compiler) assign(s *ast.Assign) {
	if len(s.Targets) == 0 {
		c.errorf(s.Pos, "invalid syntax")
		return
	}
	for _, t := range s.Targets {
		if !c.checkTarget(t, true, len(s.Targets) == 1) {
			return
		}
	}
	c.expr(s.Value)
	for i, t := range s.Targets {
		if i < len(s.Targets)-1 {
			c.emit(COPY, 1)
		}
		c.store(t)
	}
}

// exprName is CPython's name for an expression kind in error messages.
func exprName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Attribute:
		return "attribute"
	case *ast.Subscript:
		return "subscript"
	case *ast.Starred:
		return "starred"
	case *ast.Name:
		return "name"
	case *ast.ListExpr:
		return "list"
	case *ast.TupleExpr:
		return "tuple"
	case *ast.Lambda:
		return "lambda"
	case *ast.Call:
		return "function call"
	case *ast.BoolOp, *ast.BinOp, *ast.UnaryOp:
		return "expression"
	case *ast.GeneratorExp:
		return "generator expression"
	case *ast.Yield, *ast.YieldFrom:
		return "yield expression"
	case *ast.Await:
		return "await expression"
	case *ast.ListComp:
		return "list comprehension"
	case *ast.SetComp:
		return "set comprehension"
	case *ast.DictComp:
		return "dict comprehension"
	case *ast.DictExpr:
		return "dict literal"
	case *ast.SetExpr:
		return "set display"
	case *ast.JoinedStr, *ast.FormattedValue:
		return "f-string expression"
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
	case *ast.Compare:
		return "comparison"
	case *ast.IfExp:
		return "conditional expression"
	case *ast.NamedExpr:
		return "named expression"
	case *ast.Slice:
		return "slice"
	}
	return "expression"
}

// checkTarget validates an assignment target; top is true for a whole
// target (not nested in a tuple), single for the only target of `=`.
func (c *compiler) checkTarget(t ast.Expr, top, single bool) bool {
	switch t := t.(type) {
	case *ast.Name, *ast.Attribute, *ast.Subscript:
		return true
	case *ast.Starred:
		if top {
			c.errorf(t.Pos, "starred assignment target must be in a list or tuple")
			return false
		}
		return c.checkTarget(t.X, false, false)
	case *ast.TupleExpr, *ast.ListExpr:
		var elts []ast.Expr
		if tt, ok := t.(*ast.TupleExpr); ok {
			elts = tt.Elts
		} else {
			elts = t.(*ast.ListExpr).Elts
		}
		stars := 0
		for _, e := range elts {
			if _, ok := e.(*ast.Starred); ok {
				stars++
			}
			if !c.checkTarget(e, false, false) {
				return false
			}
		}
		if stars > 1 {
			c.errorf(t.Position(), "multiple starred expressions in assignment")
			return false
		}
		return true
	case nil:
		c.errorf(ast.Pos{Line: int(c.u.line), Col: 1}, "invalid syntax")
		return false
	}
	name := exprName(t)
	pos := t.Position()
	switch t.(type) {
	case *ast.Compare, *ast.IfExp, *ast.Lambda, *ast.NamedExpr, *ast.BoolOp:
		single = false
	case *ast.UnaryOp:
		if t.(*ast.UnaryOp).Op == ast.Not {
			single = false
		}
	case *ast.Constant:
		if k := t.(*ast.Constant); k.Value == nil || k.Value == true || k.Value == false {
			single = false
		}
	}
	if single && top {
		c.errorf(pos, "cannot assign to %s here. Maybe you meant '==' instead of '='?", name)
	} else {
		c.errorf(pos, "cannot assign to %s", name)
	}
	return false
}

// store emits the store of the value on top of the stack into target t.
func (c *compiler) store(t ast.Expr) {
	switch t := t.(type) {
	case *ast.Name:
		c.nameOp(t.Id, ctxStore)
	case *ast.Attribute:
		c.expr(t.X)
		c.setLine(t)
		c.emit(STORE_ATTR, c.nameIndex(c.mangle(t.Name)))
	case *ast.Subscript:
		c.expr(t.X)
		c.expr(t.Index)
		c.setLine(t)
		c.emit(STORE_SUBSCR, 0)
	case *ast.TupleExpr:
		c.unpack(t.Elts, t.Pos)
	case *ast.ListExpr:
		c.unpack(t.Elts, t.Pos)
	case *ast.Starred:
		c.errorf(t.Pos, "starred assignment target must be in a list or tuple")
	default:
		if t != nil && c.checkTarget(t, false, false) {
			c.errorf(t.Position(), "cannot assign to %s", exprName(t))
		}
	}
}

func (c *compiler) unpack(elts []ast.Expr, pos ast.Pos) {
	star := -1
	for i, e := range elts {
		if _, ok := e.(*ast.Starred); ok {
			if star >= 0 {
				c.errorf(pos, "multiple starred expressions in assignment")
				return
			}
			star = i
		}
	}
	if star >= 0 {
		after := len(elts) - star - 1
		if star > 0xff || after > 0xffff {
			c.errorf(pos, "too many expressions in star-unpacking assignment")
			return
		}
		c.emit(UNPACK_EX, star|after<<8)
	} else {
		c.emit(UNPACK_SEQUENCE, len(elts))
	}
	for _, e := range elts {
		if s, ok := e.(*ast.Starred); ok {
			c.store(s.X)
		} else {
			c.store(e)
		}
	}
}

func (c *compiler) del(t ast.Expr) {
	switch t := t.(type) {
	case *ast.Name:
		c.nameOp(t.Id, ctxDel)
	case *ast.Attribute:
		c.expr(t.X)
		c.setLine(t)
		c.emit(DELETE_ATTR, c.nameIndex(c.mangle(t.Name)))
	case *ast.Subscript:
		c.expr(t.X)
		c.expr(t.Index)
		c.setLine(t)
		c.emit(DELETE_SUBSCR, 0)
	case *ast.TupleExpr:
		for _, e := range t.Elts {
			c.del(e)
		}
	case *ast.ListExpr:
		for _, e := range t.Elts {
			c.del(e)
		}
	case nil:
	default:
		c.errorf(t.Position(), "cannot delete %s", exprName(t))
	}
}

var binOps = map[ast.Op]BinaryOp{
	ast.Add: BinAdd, ast.Sub: BinSub, ast.Mul: BinMul, ast.MatMul: BinMatMul, ast.Div: BinTrueDiv,
	ast.FloorDiv: BinFloorDiv, ast.Mod: BinMod, ast.Pow: BinPow, ast.LShift: BinLShift,
	ast.RShift: BinRShift, ast.BitAnd: BinAnd, ast.BitOr: BinOr, ast.BitXor: BinXor,
}

func (c *compiler) augAssign(s *ast.AugAssign) {
	op, ok := binOps[s.Op]
	if !ok {
		c.errorf(s.Pos, "invalid augmented assignment operator")
		return
	}
	arg := int(op + InplaceOffset)
	switch t := s.Target.(type) {
	case *ast.Name:
		c.nameOp(t.Id, ctxLoad)
		c.expr(s.Value)
		c.setLine(s)
		c.emit(BINARY_OP, arg)
		c.nameOp(t.Id, ctxStore)
	case *ast.Attribute:
		name := c.nameIndex(c.mangle(t.Name))
		c.expr(t.X)
		c.emit(COPY, 1)
		c.setLine(t)
		c.emit(LOAD_ATTR, name)
		c.expr(s.Value)
		c.setLine(s)
		c.emit(BINARY_OP, arg)
		c.emit(SWAP, 2)
		c.emit(STORE_ATTR, name)
	case *ast.Subscript:
		c.expr(t.X)
		c.expr(t.Index)
		c.emit(COPY, 2)
		c.emit(COPY, 2)
		c.setLine(t)
		c.emit(BINARY_SUBSCR, 0)
		c.expr(s.Value)
		c.setLine(s)
		c.emit(BINARY_OP, arg)
		c.emit(SWAP, 3)
		c.emit(SWAP, 2)
		c.emit(STORE_SUBSCR, 0)
	default:
		if t == nil {
			c.errorf(s.Pos, "invalid syntax")
			return
		}
		c.errorf(t.Position(), "'%s' is an illegal expression for augmented assignment", augName(t))
	}
}

func augName(e ast.Expr) string {
	if k, ok := e.(*ast.Constant); ok {
		switch v := k.Value.(type) {
		case nil:
			return "None"
		case bool:
			if v {
				return "True"
			}
			return "False"
		}
	}
	return exprName(e)
}

// isConstTrue reports whether e is a constant that is always true.
func isConstTrue(e ast.Expr) bool {
	k, ok := e.(*ast.Constant)
	if !ok {
		return false
	}
	switch v := k.Value.(type) {
	case bool:
		return v
	case *big.Int:
		return v.Sign() != 0
	case string:
		return v != ""
	}
	return false
}

func (c *compiler) ifStmt(s *ast.If) {
	end := c.newLabel()
	if len(s.Else) > 0 {
		els := c.newLabel()
		c.jumpIf(s.Cond, false, els)
		c.stmts(s.Body)
		c.jump(JUMP, end)
		c.bind(els)
		c.stmts(s.Else)
	} else {
		c.jumpIf(s.Cond, false, end)
		c.stmts(s.Body)
	}
	c.bind(end)
}

func (c *compiler) whileStmt(s *ast.While) {
	// The test is compiled twice, as CPython does: once on entry and once
	// at the bottom of the body, where it jumps back while true, so an
	// iteration costs no unconditional JUMP.
	body, test, anchor, exit := c.newLabel(), c.newLabel(), c.newLabel(), c.newLabel()
	always := isConstTrue(s.Cond)
	if !always {
		c.jumpIf(s.Cond, false, anchor)
	}
	c.bind(body)
	c.pushFblock(&fblock{kind: fbWhile, start: test, exit: exit})
	c.stmts(s.Body)
	c.popFblock()
	c.bind(test)
	c.setLine(s)
	if always {
		c.jump(JUMP, body)
	} else {
		c.jumpIf(s.Cond, true, body)
	}
	c.bind(anchor)
	c.stmts(s.Else)
	c.bind(exit)
}

// yieldFrom emits the `yield from` of the value on top of the stack.
func (c *compiler) yieldFrom() {
	c.emit(GET_YIELD_FROM_ITER, 0)
	c.loadConst(nil)
	c.emit(YIELD_FROM, 0)
}

func (c *compiler) await() {
	c.emit(GET_AWAITABLE, 0)
	c.loadConst(nil)
	c.emit(YIELD_FROM, 0)
}

func (c *compiler) forStmt(s *ast.For) {
	start, cleanup, end := c.newLabel(), c.newLabel(), c.newLabel()
	c.expr(s.Iter)
	c.setLine(s)
	// `for x in f(...)`: when the call makes a generator, only this loop
	// holds it, and leaving the loop early closes it (see POP_ITER)
	owned := 0
	if _, ok := s.Iter.(*ast.Call); ok && !s.Yielding {
		owned = 1
	}
	c.emit(GET_ITER, owned)
	c.bind(start)
	c.jump(FOR_ITER, cleanup)
	c.pushFblock(&fblock{kind: fbFor, start: start, exit: end})
	if s.Yielding {
		c.yieldFrom()
	}
	if c.checkTarget(s.Target, true, false) {
		c.store(s.Target)
	}
	c.stmts(s.Body)
	c.popFblock()
	c.setLine(s)
	c.jump(JUMP, start)
	c.bind(cleanup)
	c.stmts(s.Else)
	c.bind(end)
}

func (c *compiler) asyncFor(s *ast.For) {
	start, end := c.newLabel(), c.newLabel()
	c.expr(s.Iter)
	c.setLine(s)
	owned := 0 // as in forStmt: an async generator only this loop holds
	if _, ok := s.Iter.(*ast.Call); ok {
		owned = 1
	}
	c.emit(GET_AITER, owned)
	c.bind(start)
	h := c.newHandler()
	outer := c.u.h
	c.u.h = h
	c.emit(GET_ANEXT, 0)
	c.loadConst(nil)
	c.emit(YIELD_FROM, 0)
	c.u.h = outer
	c.pushFblock(&fblock{kind: fbFor, start: start, exit: end})
	if c.checkTarget(s.Target, true, false) {
		c.store(s.Target)
	}
	c.stmts(s.Body)
	c.popFblock()
	c.setLine(s)
	c.jump(JUMP, start)
	c.bindHandler(h)
	c.emit(END_ASYNC_FOR, 0)
	c.stmts(s.Else)
	c.bind(end)
}

func (c *compiler) pushFblock(fb *fblock) { c.u.fblocks = append(c.u.fblocks, fb) }

func (c *compiler) popFblock() { c.u.fblocks = c.u.fblocks[:len(c.u.fblocks)-1] }

// unwindFblock emits the code that leaves fb (for break, continue,
// return); preserve keeps the value on top of the stack (a return value).
func (c *compiler) unwindFblock(fb *fblock, preserve bool) {
	switch fb.kind {
	case fbWhile, fbExceptionHandler:
	case fbFor:
		if preserve {
			c.emit(SWAP, 2)
		}
		c.emit(POP_ITER, 0)
	case fbTryExcept:
		c.u.h = fb.outer
	case fbFinallyTry:
		c.u.h = fb.outer
		if preserve {
			c.pushFblock(&fblock{kind: fbPopValue})
		}
		line := c.u.line
		c.stmts(fb.body)
		c.u.line = line
		if preserve {
			c.popFblock()
		}
	case fbFinallyEnd:
		if preserve {
			c.emit(SWAP, 2)
		}
		c.emit(POP_TOP, 0)
		if preserve {
			c.emit(SWAP, 2)
		}
		c.u.h = fb.outer
		c.emit(POP_EXCEPT, 0)
	case fbWith:
		c.u.h = fb.outer
		if preserve {
			c.emit(SWAP, 2)
		}
		c.callExitWithNones(fb)
	case fbHandlerCleanup:
		c.u.h = fb.outer
		if preserve {
			c.emit(SWAP, 2)
		}
		c.emit(POP_EXCEPT, 0)
		if fb.name != "" {
			c.loadConst(nil)
			c.nameOp(fb.name, ctxStore)
			c.nameOp(fb.name, ctxDel)
		}
	case fbPopValue:
		if preserve {
			c.emit(SWAP, 2)
		}
		c.emit(POP_TOP, 0)
	}
}

// callExitWithNones emits exit(None, None, None) for a with block whose
// exit function is on top of the stack, and pops the result.
func (c *compiler) callExitWithNones(fb *fblock) {
	c.loadConst(nil)
	c.loadConst(nil)
	c.loadConst(nil)
	c.emit(CALL, 3)
	if fb.async {
		c.await()
	}
	if fb.yielding {
		c.yieldFrom()
	}
	c.emit(POP_TOP, 0)
}

// unwindStack unwinds the frame blocks from the innermost outwards; with
// loop it stops at (and returns) the innermost loop.
func (c *compiler) unwindStack(preserve, loop bool) *fblock {
	saved := c.u.fblocks
	defer func() { c.u.fblocks = saved }()
	for i := len(saved) - 1; i >= 0; i-- {
		fb := saved[i]
		if loop && (fb.kind == fbWhile || fb.kind == fbFor) {
			return fb
		}
		c.u.fblocks = append([]*fblock(nil), saved[:i]...)
		c.unwindFblock(fb, preserve)
		if c.err != nil {
			return nil
		}
	}
	return nil
}

func (c *compiler) hasLoop() bool {
	for _, fb := range c.u.fblocks {
		if fb.kind == fbWhile || fb.kind == fbFor {
			return true
		}
	}
	return false
}

func (c *compiler) breakStmt(pos ast.Pos, isContinue bool) {
	if !c.hasLoop() {
		if isContinue {
			c.errorf(pos, "'continue' not properly in loop")
		} else {
			c.errorf(pos, "'break' outside loop")
		}
		return
	}
	savedH, savedDepth := c.u.h, c.u.depth
	loop := c.unwindStack(false, true)
	if loop == nil {
		return
	}
	c.setLine(&ast.Pass{Pos: pos})
	if isContinue {
		c.jump(JUMP, loop.start)
	} else {
		c.unwindFblock(loop, false)
		c.jump(JUMP, loop.exit)
	}
	c.u.h, c.u.depth = savedH, savedDepth
}

func (c *compiler) returnStmt(s *ast.Return) {
	if !c.u.sc.isFunc() || c.u.sc.kind == scopeComp {
		c.errorf(s.Pos, "'return' outside function")
		return
	}
	savedH, savedDepth := c.u.h, c.u.depth
	if s.Value != nil {
		c.expr(s.Value)
		c.unwindStack(true, false)
	} else {
		c.unwindStack(false, false)
		c.loadConst(nil)
	}
	c.setLine(s)
	c.emit(RETURN_VALUE, 0)
	c.u.h, c.u.depth = savedH, savedDepth
}

func (c *compiler) tryFinally(s *ast.Try) {
	exit := c.newLabel()
	h := c.newHandler()
	outer := c.u.h
	c.u.h = h
	c.pushFblock(&fblock{kind: fbFinallyTry, outer: outer, body: s.Finally})
	if len(s.Handlers) > 0 {
		c.tryExcept(s)
	} else {
		c.stmts(s.Body)
	}
	c.popFblock()
	c.u.h = outer
	c.stmts(s.Finally)
	c.jump(JUMP, exit)

	c.bindHandler(h)
	cleanup := &handler{label: c.newLabel(), depth: h.depth + 1}
	c.u.h = cleanup
	c.emit(PUSH_EXC_INFO, 0)
	c.pushFblock(&fblock{kind: fbFinallyEnd, outer: outer})
	c.stmts(s.Finally)
	c.popFblock()
	c.emit(RERAISE, 0)
	c.u.h = outer
	c.popExceptAndReraise(cleanup)
	c.bind(exit)
}

// popExceptAndReraise places the cleanup handler of an exception handler
// region: the stack holds the previous exception and the new one.
func (c *compiler) popExceptAndReraise(cleanup *handler) {
	c.bindHandler(cleanup)
	c.emit(SWAP, 2)
	c.emit(POP_EXCEPT, 0)
	c.emit(RERAISE, 0)
}

func (c *compiler) tryExcept(s *ast.Try) {
	end := c.newLabel()
	h := c.newHandler()
	outer := c.u.h
	c.u.h = h
	c.pushFblock(&fblock{kind: fbTryExcept, outer: outer})
	c.stmts(s.Body)
	c.popFblock()
	c.u.h = outer
	c.stmts(s.Else)
	c.setLine(s)
	c.jump(JUMP, end)

	c.bindHandler(h)
	cleanup := &handler{label: c.newLabel(), depth: h.depth + 1}
	c.u.h = cleanup
	c.emit(PUSH_EXC_INFO, 0)
	c.pushFblock(&fblock{kind: fbExceptionHandler})
	for i, eh := range s.Handlers {
		if eh == nil {
			continue
		}
		c.setLine(eh)
		if eh.Type == nil && i < len(s.Handlers)-1 {
			c.errorf(eh.Pos, "default 'except:' must be last")
			return
		}
		next := c.newLabel()
		if eh.Type != nil {
			c.expr(eh.Type)
			c.emit(CHECK_EXC_MATCH, 0)
			c.jump(POP_JUMP_IF_FALSE, next)
		}
		if eh.Name != "" {
			c.nameOp(eh.Name, ctxStore)
			cleanupEnd := &handler{label: c.newLabel(), depth: h.depth + 1}
			c.u.h = cleanupEnd
			c.pushFblock(&fblock{kind: fbHandlerCleanup, outer: outer, name: eh.Name})
			c.stmts(eh.Body)
			c.popFblock()
			c.u.h = outer
			c.emit(POP_EXCEPT, 0)
			c.loadConst(nil)
			c.nameOp(eh.Name, ctxStore)
			c.nameOp(eh.Name, ctxDel)
			c.jump(JUMP, end)
			c.u.h = cleanup
			c.bindHandler(cleanupEnd)
			c.loadConst(nil)
			c.nameOp(eh.Name, ctxStore)
			c.nameOp(eh.Name, ctxDel)
			c.emit(RERAISE, 0)
		} else {
			c.emit(POP_TOP, 0)
			c.pushFblock(&fblock{kind: fbHandlerCleanup, outer: outer})
			c.stmts(eh.Body)
			c.popFblock()
			c.u.h = outer
			c.emit(POP_EXCEPT, 0)
			c.jump(JUMP, end)
			c.u.h = cleanup
		}
		c.bind(next)
	}
	c.popFblock()
	c.emit(RERAISE, 0)
	c.u.h = outer
	c.popExceptAndReraise(cleanup)
	c.bind(end)
}

func (c *compiler) with(s *ast.With, i int) {
	if i >= len(s.Items) {
		c.stmts(s.Body)
		return
	}
	item := s.Items[i]
	if item == nil {
		c.with(s, i+1)
		return
	}
	exit := c.newLabel()
	c.expr(item.Context)
	c.setLine(s)
	if s.Async {
		c.emit(BEFORE_ASYNC_WITH, 0)
		c.await()
	} else {
		c.emit(BEFORE_WITH, 0)
	}
	if s.Yielding {
		c.yieldFrom()
	}
	h := &handler{label: c.newLabel(), depth: c.u.depth - 1}
	outer := c.u.h
	c.u.h = h
	fb := &fblock{kind: fbWith, outer: outer, async: s.Async, yielding: s.Yielding}
	c.pushFblock(fb)
	if item.Target != nil {
		if c.checkTarget(item.Target, true, false) {
			c.store(item.Target)
		}
	} else {
		c.emit(POP_TOP, 0)
	}
	c.with(s, i+1)
	c.popFblock()
	c.u.h = outer
	c.setLine(s)
	c.callExitWithNones(fb)
	c.jump(JUMP, exit)

	c.bindHandler(h)
	cleanup := &handler{label: c.newLabel(), depth: h.depth + 1}
	c.u.h = cleanup
	c.emit(PUSH_EXC_INFO, 0)
	c.emit(WITH_EXCEPT_START, 0)
	if s.Async {
		c.await()
	}
	if s.Yielding {
		c.yieldFrom()
	}
	suppress := c.newLabel()
	c.jump(POP_JUMP_IF_TRUE, suppress)
	c.emit(RERAISE, 0)
	c.bind(suppress)
	c.emit(POP_TOP, 0)
	c.u.h = outer
	c.emit(POP_EXCEPT, 0)
	c.emit(POP_TOP, 0)
	c.jump(JUMP, exit)
	c.popExceptAndReraise(cleanup)
	c.bind(exit)
}

func (c *compiler) importStmt(s *ast.Import) {
	for _, a := range s.Names {
		if a == nil {
			continue
		}
		c.setLine(a)
		c.loadConst(int64(0))
		c.loadConst(nil)
		c.emit(IMPORT_NAME, c.nameIndex(a.Name))
		if a.AsName != "" {
			parts := strings.Split(a.Name, ".")
			for j, p := range parts[1:] {
				c.emit(IMPORT_FROM, c.nameIndex(p))
				if j < len(parts)-2 {
					c.emit(SWAP, 2)
					c.emit(POP_TOP, 0)
				}
			}
			c.nameOp(a.AsName, ctxStore)
			if len(parts) > 1 {
				c.emit(POP_TOP, 0)
			}
		} else {
			first := a.Name
			if i := strings.IndexByte(first, '.'); i >= 0 {
				first = first[:i]
			}
			c.nameOp(first, ctxStore)
		}
	}
}

func (c *compiler) importFrom(s *ast.ImportFrom) {
	c.loadConst(int64(s.Level))
	if s.Names == nil {
		c.loadConst(Tuple{"*"})
		c.emit(IMPORT_NAME, c.nameIndex(s.Module))
		c.emit(IMPORT_STAR, 0)
		return
	}
	names := make(Tuple, 0, len(s.Names))
	for _, a := range s.Names {
		if a != nil {
			names = append(names, a.Name)
		}
	}
	c.loadConst(names)
	c.emit(IMPORT_NAME, c.nameIndex(s.Module))
	for _, a := range s.Names {
		if a == nil {
			continue
		}
		c.setLine(a)
		c.emit(IMPORT_FROM, c.nameIndex(a.Name))
		store := a.AsName
		if store == "" {
			store = a.Name
		}
		c.nameOp(store, ctxStore)
	}
	c.emit(POP_TOP, 0)
}

// ---------------------------------------------------------------- definitions

// defaults emits the defaults of a parameter list and returns the
// MAKE_FUNCTION flags for them.
func (c *compiler) defaults(p *ast.Params) int {
	if p == nil {
		return 0
	}
	flags := 0
	var defs []ast.Expr
	for _, a := range p.Args {
		if a != nil && a.Default != nil {
			defs = append(defs, a.Default)
		}
	}
	if len(defs) > 0 {
		c.tuple(defs)
		flags |= 1
	}
	n := 0
	for _, a := range p.KwOnly {
		if a != nil && a.Default != nil {
			c.loadConst(c.mangle(a.Name))
			c.expr(a.Default)
			n++
		}
	}
	if n > 0 {
		c.emit(BUILD_MAP, n)
		flags |= 2
	}
	return flags
}

func (c *compiler) setParams(p *ast.Params) {
	code := c.u.code
	if p == nil {
		return
	}
	code.ArgCount = len(p.Args)
	code.PosOnlyCount = p.PosOnly
	code.KwOnlyCount = len(p.KwOnly)
	if p.Vararg != nil {
		code.Flags |= FlagVarargs
	}
	if p.Kwarg != nil {
		code.Flags |= FlagVarkw
	}
}

// genFlags sets the generator/coroutine flags of the current code.
func (c *compiler) genFlags(sc *scope) {
	code := c.u.code
	switch {
	case sc.isAsync && sc.generator:
		code.Flags |= FlagAsyncGenerator
	case sc.isAsync:
		code.Flags |= FlagCoroutine
	case sc.generator:
		code.Flags |= FlagGenerator
	}
}

func (c *compiler) funcDef(s *ast.FuncDef) {
	sc := c.st.scopes[s]
	if sc == nil {
		c.errorf(s.Pos, "internal compiler error: no scope for %s", s.Name)
		return
	}
	for _, d := range s.Decorators {
		c.expr(d)
	}
	c.setLine(s)
	flags := c.defaults(s.Params)
	flags |= c.annotations(s.Params, s.Returns)

	c.enter(sc, s.Name, c.qualName(s.Name), s.Pos.Line)
	c.setParams(s.Params)
	c.genFlags(sc)
	body := s.Body
	if doc, ok := docstring(body); ok {
		c.constIndex(doc)
		body = body[1:]
	} else {
		c.constIndex(nil)
	}
	c.stmts(body)
	c.loadConst(nil)
	c.emit(RETURN_VALUE, 0)
	code := c.leave()

	c.setLine(s)
	c.makeClosure(code, sc, flags)
	c.applyDecorators(s.Decorators)
	c.setLine(s)
	c.nameOp(s.Name, ctxStore)
}

// applyDecorators calls the decorators on the stack, innermost first, each
// at its own line (a failing decorator is reported at its @ line).
func (c *compiler) applyDecorators(decorators []ast.Expr) {
	for i := len(decorators) - 1; i >= 0; i-- {
		c.setLine(decorators[i])
		c.emit(CALL, 1)
	}
}

func (c *compiler) lambda(e *ast.Lambda) {
	sc := c.st.scopes[e]
	if sc == nil {
		c.errorf(e.Pos, "internal compiler error: no scope for lambda")
		return
	}
	flags := c.defaults(e.Params)
	c.enter(sc, "<lambda>", c.qualName("<lambda>"), e.Pos.Line)
	c.u.code.Flags |= FlagLambda
	c.setParams(e.Params)
	c.genFlags(sc)
	c.expr(e.Body)
	c.emit(RETURN_VALUE, 0)
	code := c.leave()
	c.setLine(e)
	c.makeClosure(code, sc, flags)
}

func (c *compiler) classDef(s *ast.ClassDef) {
	sc := c.st.scopes[s]
	if sc == nil {
		c.errorf(s.Pos, "internal compiler error: no scope for class %s", s.Name)
		return
	}
	for _, d := range s.Decorators {
		c.expr(d)
	}
	c.setLine(s)
	c.enter(sc, s.Name, c.qualName(s.Name), s.Pos.Line)
	c.u.code.Flags |= FlagClassBody
	c.namedOp(LOAD_NAME, 0, 0, "__name__", ctxLoad)
	c.namedOp(0, STORE_NAME, 0, "__module__", ctxStore)
	c.loadConst(c.u.code.QualName)
	c.namedOp(0, STORE_NAME, 0, "__qualname__", ctxStore)
	body := s.Body
	if doc, ok := docstring(body); ok {
		c.setLine(body[0])
		c.loadConst(doc)
		c.namedOp(0, STORE_NAME, 0, "__doc__", ctxStore)
		body = body[1:]
	}
	c.setupAnnotations(body)
	c.stmts(body)
	c.u.line = int32(c.u.lastLine)
	if sc.needsClassCell {
		c.emit(LOAD_CLOSURE, c.u.cellIdx["__class__"])
		c.namedOp(0, STORE_NAME, 0, "__classcell__", ctxStore)
	}
	c.loadConst(nil)
	c.emit(RETURN_VALUE, 0)
	code := c.leave()

	c.setLine(s)
	c.emit(LOAD_BUILD_CLASS, 0)
	c.makeClosure(code, sc, 0)
	c.loadConst(s.Name)
	c.callHelper(2, s.Bases, s.Keywords, s.Pos)
	c.applyDecorators(s.Decorators)
	c.setLine(s)
	c.nameOp(s.Name, ctxStore)
}

// ---------------------------------------------------------------- expressions

func (c *compiler) exprs(list []ast.Expr) {
	for _, e := range list {
		c.expr(e)
	}
}

func (c *compiler) expr(e ast.Expr) {
	if c.err != nil {
		return
	}
	if e == nil {
		c.errorf(ast.Pos{Line: int(c.u.line), Col: 1}, "invalid syntax")
		return
	}
	saved := c.u.line
	c.setLine(e)
	c.expr1(e)
	c.u.line = saved
}

var unaryOps = map[ast.Op]UnaryOp{ast.USub: UnaryNeg, ast.UAdd: UnaryPos, ast.Not: UnaryNot, ast.Invert: UnaryInvert}

func (c *compiler) expr1(e ast.Expr) {
	switch e := e.(type) {
	case *ast.Name:
		c.nameOp(e.Id, ctxLoad)
	case *ast.Constant:
		c.loadConst(convConst(e.Value))
	case *ast.JoinedStr:
		c.joinedStr(e)
	case *ast.FormattedValue:
		c.formattedValue(e)
	case *ast.BinOp:
		op, ok := binOps[e.Op]
		if !ok {
			c.errorf(e.Pos, "invalid binary operator %v", e.Op)
			return
		}
		c.expr(e.X)
		c.expr(e.Y)
		c.emit(BINARY_OP, int(op))
	case *ast.UnaryOp:
		if v, ok := constValue(e); ok {
			c.loadConst(v)
			return
		}
		op, ok := unaryOps[e.Op]
		if !ok {
			c.errorf(e.Pos, "invalid unary operator %v", e.Op)
			return
		}
		c.expr(e.X)
		c.emit(UNARY_OP, int(op))
	case *ast.BoolOp:
		if len(e.Values) == 0 {
			c.errorf(e.Pos, "invalid syntax")
			return
		}
		end := c.newLabel()
		op := JUMP_IF_FALSE_OR_POP
		if e.Op == ast.Or {
			op = JUMP_IF_TRUE_OR_POP
		}
		for i, v := range e.Values {
			c.expr(v)
			if i < len(e.Values)-1 {
				c.jump(op, end)
			}
		}
		c.bind(end)
	case *ast.Compare:
		c.compare(e)
	case *ast.IfExp:
		els, end := c.newLabel(), c.newLabel()
		c.jumpIf(e.Test, false, els)
		c.expr(e.Body)
		c.jump(JUMP, end)
		c.bind(els)
		c.expr(e.Else)
		c.bind(end)
	case *ast.Lambda:
		c.lambda(e)
	case *ast.Call:
		c.call(e)
	case *ast.Attribute:
		c.expr(e.X)
		c.setLine(e)
		c.emit(LOAD_ATTR, c.nameIndex(c.mangle(e.Name)))
	case *ast.Subscript:
		c.expr(e.X)
		c.expr(e.Index)
		c.setLine(e)
		c.emit(BINARY_SUBSCR, 0)
	case *ast.Slice:
		n := 2
		c.exprOrNone(e.Lo)
		c.exprOrNone(e.Hi)
		if e.Step != nil {
			c.expr(e.Step)
			n = 3
		}
		c.emit(BUILD_SLICE, n)
	case *ast.Starred:
		c.errorf(e.Pos, "can't use starred expression here")
	case *ast.ListExpr:
		c.sequence(e.Elts, BUILD_LIST, LIST_APPEND, LIST_EXTEND, false)
	case *ast.TupleExpr:
		if v, ok := constValue(e); ok {
			c.loadConst(v)
			return
		}
		c.sequence(e.Elts, BUILD_TUPLE, LIST_APPEND, LIST_EXTEND, true)
	case *ast.SetExpr:
		c.sequence(e.Elts, BUILD_SET, SET_ADD, SET_UPDATE, false)
	case *ast.DictExpr:
		c.dict(e)
	case *ast.ListComp:
		c.comprehension(e, e.Generators, e.Elt, nil)
	case *ast.SetComp:
		c.comprehension(e, e.Generators, e.Elt, nil)
	case *ast.DictComp:
		c.comprehension(e, e.Generators, e.Key, e.Value)
	case *ast.GeneratorExp:
		c.comprehension(e, e.Generators, e.Elt, nil)
	case *ast.Yield:
		c.checkYield(e.Pos)
		c.exprOrNone(e.Value)
		c.setLine(e)
		c.emit(YIELD_VALUE, 0)
	case *ast.YieldFrom:
		c.checkYield(e.Pos)
		c.expr(e.Value)
		c.setLine(e)
		c.yieldFrom()
	case *ast.Await:
		c.expr(e.Value)
		c.setLine(e)
		c.await()
	case *ast.NamedExpr:
		if e.Target == nil {
			c.errorf(e.Pos, "invalid syntax")
			return
		}
		c.expr(e.Value)
		c.emit(COPY, 1)
		c.nameOp(e.Target.Id, ctxStore)
	default:
		c.errorf(e.Position(), "unsupported expression %T", e)
	}
}

// checkYield guards against yield in a scope the scope pass would have
// rejected (a tree built by hand).
func (c *compiler) checkYield(pos ast.Pos) {
	if !c.u.sc.isFunc() {
		c.errorf(pos, "'yield' outside function")
	}
}

func (c *compiler) exprOrNone(e ast.Expr) {
	if e == nil {
		c.loadConst(nil)
	} else {
		c.expr(e)
	}
}

// convConst converts an ast constant to its Code constant form.
func convConst(v any) any {
	if b, ok := v.(*big.Int); ok {
		if b.IsInt64() {
			return b.Int64()
		}
		return new(big.Int).Set(b)
	}
	return v
}

// constValue returns the folded constant value of e: constants, unary
// minus/plus of numbers, and tuples of constants.
func constValue(e ast.Expr) (any, bool) {
	switch e := e.(type) {
	case *ast.Constant:
		return convConst(e.Value), true
	case *ast.UnaryOp:
		if e.Op != ast.USub {
			return nil, false
		}
		k, ok := e.X.(*ast.Constant)
		if !ok {
			return nil, false
		}
		switch v := k.Value.(type) {
		case *big.Int:
			return convConst(new(big.Int).Neg(v)), true
		case float64:
			return -v, true
		case complex128:
			return -v, true
		}
	case *ast.TupleExpr:
		t := make(Tuple, len(e.Elts))
		for i, x := range e.Elts {
			v, ok := constValue(x)
			if !ok {
				return nil, false
			}
			t[i] = v
		}
		return t, true
	}
	return nil, false
}

// tuple emits a tuple of the expressions (a constant when possible).
func (c *compiler) tuple(list []ast.Expr) {
	t := make(Tuple, len(list))
	for i, x := range list {
		v, ok := constValue(x)
		if !ok {
			c.exprs(list)
			c.emit(BUILD_TUPLE, len(list))
			return
		}
		t[i] = v
	}
	c.loadConst(t)
}

func hasStarred(list []ast.Expr) bool {
	for _, e := range list {
		if _, ok := e.(*ast.Starred); ok {
			return true
		}
	}
	return false
}

// sequence emits a list, tuple or set display.
func (c *compiler) sequence(elts []ast.Expr, build, add, extend Opcode, tuple bool) {
	if !hasStarred(elts) {
		c.exprs(elts)
		c.emit(build, len(elts))
		return
	}
	if tuple {
		build = BUILD_LIST
	}
	n := 0
	for n < len(elts) {
		if _, ok := elts[n].(*ast.Starred); ok {
			break
		}
		c.expr(elts[n])
		n++
	}
	c.emit(build, n)
	for _, e := range elts[n:] {
		if s, ok := e.(*ast.Starred); ok {
			c.expr(s.X)
			c.emit(extend, 1)
		} else {
			c.expr(e)
			c.emit(add, 1)
		}
	}
	if tuple {
		c.emit(LIST_TO_TUPLE, 0)
	}
}

func (c *compiler) dict(e *ast.DictExpr) {
	if len(e.Keys) != len(e.Values) {
		c.errorf(e.Pos, "invalid syntax")
		return
	}
	n := 0
	built := false
	flush := func() {
		if !built {
			c.emit(BUILD_MAP, n)
			built = true
		} else if n > 0 {
			c.emit(BUILD_MAP, n)
			c.emit(DICT_UPDATE, 1)
		}
		n = 0
	}
	for i, k := range e.Keys {
		if k == nil {
			flush()
			c.expr(e.Values[i])
			c.emit(DICT_UPDATE, 1)
			continue
		}
		c.expr(k)
		c.expr(e.Values[i])
		n++
	}
	if !built || n > 0 {
		flush()
	}
}

func (c *compiler) joinedStr(e *ast.JoinedStr) {
	if len(e.Values) == 0 {
		c.loadConst("")
		return
	}
	for _, v := range e.Values {
		c.expr(v)
	}
	if len(e.Values) > 1 {
		c.emit(BUILD_STRING, len(e.Values))
	} else if _, ok := e.Values[0].(*ast.FormattedValue); !ok {
		if _, ok := e.Values[0].(*ast.Constant); !ok {
			c.emit(BUILD_STRING, 1)
		}
	}
}

func (c *compiler) formattedValue(e *ast.FormattedValue) {
	c.expr(e.Value)
	arg := 0
	switch e.Conversion {
	case 's':
		arg = 1
	case 'r':
		arg = 2
	case 'a':
		arg = 3
	}
	if e.FormatSpec != nil {
		c.expr(e.FormatSpec)
		arg |= 4
	}
	c.emit(FORMAT_VALUE, arg)
}

var cmpOps = map[ast.Op]CompareOp{ast.Lt: CmpLt, ast.LtE: CmpLe, ast.Eq: CmpEq, ast.NotEq: CmpNe, ast.Gt: CmpGt, ast.GtE: CmpGe}

func (c *compiler) compareOp(op ast.Op, pos ast.Pos) {
	switch op {
	case ast.Is:
		c.emit(IS_OP, 0)
	case ast.IsNot:
		c.emit(IS_OP, 1)
	case ast.In:
		c.emit(CONTAINS_OP, 0)
	case ast.NotIn:
		c.emit(CONTAINS_OP, 1)
	default:
		k, ok := cmpOps[op]
		if !ok {
			c.errorf(pos, "invalid comparison operator %v", op)
			return
		}
		c.emit(COMPARE_OP, int(k))
	}
}

func (c *compiler) compare(e *ast.Compare) {
	n := len(e.Ops)
	if n == 0 || len(e.Rights) != n {
		c.errorf(e.Pos, "invalid syntax")
		return
	}
	c.expr(e.Left)
	if n == 1 {
		c.expr(e.Rights[0])
		c.setLine(e)
		c.compareOp(e.Ops[0], e.Pos)
		return
	}
	cleanup, end := c.newLabel(), c.newLabel()
	for i := 0; i < n-1; i++ {
		c.expr(e.Rights[i])
		c.emit(SWAP, 2)
		c.emit(COPY, 2)
		c.compareOp(e.Ops[i], e.Pos)
		c.jump(JUMP_IF_FALSE_OR_POP, cleanup)
	}
	c.expr(e.Rights[n-1])
	c.compareOp(e.Ops[n-1], e.Pos)
	c.jump(JUMP, end)
	c.bind(cleanup)
	c.emit(SWAP, 2)
	c.emit(POP_TOP, 0)
	c.bind(end)
}

// jumpIf emits a jump to label taken when e's truth equals cond.
func (c *compiler) jumpIf(e ast.Expr, cond bool, label int) {
	switch x := e.(type) {
	case *ast.UnaryOp:
		if x.Op == ast.Not {
			c.jumpIf(x.X, !cond, label)
			return
		}
	case *ast.BoolOp:
		if len(x.Values) == 0 {
			break
		}
		isOr := x.Op == ast.Or
		last := len(x.Values) - 1
		if cond == isOr {
			// or-jump-if-true / and-jump-if-false: any operand decides.
			for _, v := range x.Values {
				c.jumpIf(v, cond, label)
			}
			return
		}
		next := c.newLabel()
		for _, v := range x.Values[:last] {
			c.jumpIf(v, !cond, next)
		}
		c.jumpIf(x.Values[last], cond, label)
		c.bind(next)
		return
	}
	c.expr(e)
	saved := c.u.line
	c.setLine(e)
	if cond {
		c.jump(POP_JUMP_IF_TRUE, label)
	} else {
		c.jump(POP_JUMP_IF_FALSE, label)
	}
	c.u.line = saved
}

// ---------------------------------------------------------------- calls

func (c *compiler) checkKeywords(kws []*ast.Keyword) bool {
	seen := map[string]bool{}
	for _, k := range kws {
		if k == nil {
			c.errorf(ast.Pos{Line: int(c.u.line), Col: 1}, "invalid syntax")
			return false
		}
		if k.Name == "" {
			continue
		}
		if seen[k.Name] {
			c.errorf(k.Pos, "keyword argument repeated: %s", k.Name)
			return false
		}
		seen[k.Name] = true
	}
	return true
}

func (c *compiler) call(e *ast.Call) {
	if !c.checkKeywords(e.Keywords) {
		return
	}
	if attr, ok := e.Func.(*ast.Attribute); ok && !hasStarred(e.Args) && !hasDoubleStar(e.Keywords) {
		c.expr(attr.X)
		c.setLine(attr)
		c.emit(LOAD_METHOD, c.nameIndex(c.mangle(attr.Name)))
		c.exprs(e.Args)
		for _, k := range e.Keywords {
			c.expr(k.Value)
		}
		c.setLine(e)
		n := len(e.Args) + len(e.Keywords)
		if len(e.Keywords) > 0 {
			c.loadConst(kwNames(e.Keywords))
			c.emit(CALL_METHOD_KW, n)
		} else {
			c.emit(CALL_METHOD, n)
		}
		return
	}
	c.expr(e.Func)
	c.callHelper(0, e.Args, e.Keywords, e.Pos)
}

func hasDoubleStar(kws []*ast.Keyword) bool {
	for _, k := range kws {
		if k != nil && k.Name == "" {
			return true
		}
	}
	return false
}

func kwNames(kws []*ast.Keyword) Tuple {
	t := make(Tuple, len(kws))
	for i, k := range kws {
		t[i] = k.Name
	}
	return t
}

// callHelper emits the arguments and the call of a function already on
// the stack, with n extra positional arguments already pushed after it.
func (c *compiler) callHelper(n int, args []ast.Expr, kws []*ast.Keyword, pos ast.Pos) {
	if !c.checkKeywords(kws) {
		return
	}
	line := int32(pos.Line)
	if !hasStarred(args) && !hasDoubleStar(kws) {
		c.exprs(args)
		for _, k := range kws {
			c.expr(k.Value)
		}
		c.u.line = line
		if len(kws) > 0 {
			c.loadConst(kwNames(kws))
			c.emit(CALL_KW, n+len(args)+len(kws))
		} else {
			c.emit(CALL, n+len(args))
		}
		return
	}
	// CALL_EX: the positional arguments as a tuple (a lone `*x` is passed
	// as it is: CALL_EX converts it, with the error naming the callee)...
	if s, ok := singleStarred(args); ok && n == 0 {
		c.expr(s.X)
	} else if !hasStarred(args) {
		c.exprs(args)
		c.emit(BUILD_TUPLE, n+len(args))
	} else {
		i := 0
		for i < len(args) {
			if _, ok := args[i].(*ast.Starred); ok {
				break
			}
			c.expr(args[i])
			i++
		}
		c.emit(BUILD_LIST, n+i)
		for _, a := range args[i:] {
			if s, ok := a.(*ast.Starred); ok {
				c.expr(s.X)
				c.emit(LIST_EXTEND, 1)
			} else {
				c.expr(a)
				c.emit(LIST_APPEND, 1)
			}
		}
		c.emit(LIST_TO_TUPLE, 0)
	}
	// ... and the keyword arguments as a dict.
	if len(kws) > 0 {
		nk := 0
		built := false
		flush := func() {
			if !built {
				c.emit(BUILD_MAP, nk)
				built = true
			} else if nk > 0 {
				c.emit(BUILD_MAP, nk)
				c.emit(DICT_MERGE, 1)
			}
			nk = 0
		}
		for _, k := range kws {
			if k.Name == "" {
				flush()
				c.expr(k.Value)
				c.emit(DICT_MERGE, 1)
				continue
			}
			c.loadConst(k.Name)
			c.expr(k.Value)
			nk++
		}
		if nk > 0 {
			flush()
		}
		c.u.line = line
		c.emit(CALL_EX, 1)
		return
	}
	c.u.line = line
	c.emit(CALL_EX, 0)
}

// singleStarred reports whether args is exactly one `*x`.
func singleStarred(args []ast.Expr) (*ast.Starred, bool) {
	if len(args) != 1 {
		return nil, false
	}
	s, ok := args[0].(*ast.Starred)
	return s, ok
}

// ---------------------------------------------------------------- comprehensions

type compInfo struct {
	kind  string // "list comprehension", ...
	gens  []*ast.Comprehension
	elt   ast.Expr
	value ast.Expr
}

func (c *compiler) comprehension(node ast.Expr, gens []*ast.Comprehension, elt, value ast.Expr) {
	sc := c.st.scopes[node]
	if sc == nil || len(gens) == 0 || gens[0] == nil {
		c.errorf(node.Position(), "internal compiler error: no scope for comprehension")
		return
	}
	ci := &compInfo{kind: sc.compKind, gens: gens, elt: elt, value: value}
	if sc.inline {
		c.inlineComp(sc, ci, node)
		return
	}
	c.enter(sc, sc.name, c.qualName(sc.name), node.Position().Line)
	c.u.code.Flags |= FlagComprehension
	c.u.code.ArgCount = 1
	c.genFlags(sc)
	if ci.kind == "generator expression" {
		if sc.isAsync {
			c.u.code.Flags |= FlagAsyncGenerator
		} else {
			c.u.code.Flags |= FlagGenerator
		}
	}
	c.setLine(node)
	c.buildCollection(ci)
	c.compGenerator(ci, 0, false)
	if ci.kind == "generator expression" {
		c.loadConst(nil)
	}
	c.emit(RETURN_VALUE, 0)
	code := c.leave()
	c.setLine(node)
	c.makeClosure(code, sc, 0)
	c.expr(gens[0].Iter)
	c.setLine(node)
	if gens[0].Async {
		c.emit(GET_AITER, 0)
	} else {
		c.emit(GET_ITER, 0)
	}
	c.emit(CALL, 1)
	if sc.isAsync && ci.kind != "generator expression" {
		c.await()
	}
}

func (c *compiler) buildCollection(ci *compInfo) {
	switch ci.kind {
	case "list comprehension":
		c.emit(BUILD_LIST, 0)
	case "set comprehension":
		c.emit(BUILD_SET, 0)
	case "dict comprehension":
		c.emit(BUILD_MAP, 0)
	}
}

// inlineComp compiles a comprehension containing `yielding` inside the
// current (generator) function: the collection and the iterators stay on
// the value stack, its variables are hidden locals of the function.
func (c *compiler) inlineComp(sc *scope, ci *compInfo, node ast.Expr) {
	if ci.kind == "generator expression" {
		c.errorf(node.Position(), "'yielding' inside generator expression")
		return
	}
	c.buildCollection(ci)
	c.expr(ci.gens[0].Iter)
	c.setLine(node)
	c.emit(GET_ITER, 0)
	saved := c.u.cur
	c.u.cur = sc
	c.compGenerator(ci, 0, true)
	c.u.cur = saved
}

// compGenerator emits for clause i of a comprehension; the iterator of
// clause i is on the stack on entry (or in .0 for the first clause of a
// comprehension function).
func (c *compiler) compGenerator(ci *compInfo, i int, inline bool) {
	g := ci.gens[i]
	if g == nil {
		c.errorf(ast.Pos{Line: int(c.u.line), Col: 1}, "invalid syntax")
		return
	}
	start, ifCleanup, anchor := c.newLabel(), c.newLabel(), c.newLabel()
	if i == 0 {
		if !inline {
			c.emit(LOAD_FAST, c.varIndex(".0"))
		}
	} else {
		c.expr(g.Iter)
		c.setLine(g)
		if g.Async {
			c.emit(GET_AITER, 0)
		} else {
			c.emit(GET_ITER, 0)
		}
	}
	c.setLine(g)
	c.bind(start)
	var h, outer *handler
	if g.Async {
		h = c.newHandler()
		outer = c.u.h
		c.u.h = h
		c.emit(GET_ANEXT, 0)
		c.loadConst(nil)
		c.emit(YIELD_FROM, 0)
		c.u.h = outer
	} else {
		c.jump(FOR_ITER, anchor)
	}
	if g.Yielding {
		c.yieldFrom()
	}
	if c.checkTarget(g.Target, true, false) {
		c.store(g.Target)
	}
	for _, cond := range g.Ifs {
		c.jumpIf(cond, false, ifCleanup)
	}
	if i+1 < len(ci.gens) {
		c.compGenerator(ci, i+1, inline)
	} else {
		depth := len(ci.gens) + 1
		switch ci.kind {
		case "generator expression":
			c.expr(ci.elt)
			c.emit(YIELD_VALUE, 0)
			c.emit(POP_TOP, 0)
		case "list comprehension":
			c.expr(ci.elt)
			c.emit(LIST_APPEND, depth)
		case "set comprehension":
			c.expr(ci.elt)
			c.emit(SET_ADD, depth)
		case "dict comprehension":
			c.expr(ci.elt)
			c.expr(ci.value)
			c.emit(MAP_ADD, depth)
		}
	}
	c.bind(ifCleanup)
	c.setLine(g)
	c.jump(JUMP, start)
	if g.Async {
		c.bindHandler(h)
		c.emit(END_ASYNC_FOR, 0)
	}
	c.bind(anchor)
}

// setupAnnotations starts a module or class body that annotates simple
// names with an empty __annotations__ dict (CPython's SETUP_ANNOTATIONS).
func (c *compiler) setupAnnotations(body []ast.Stmt) {
	if !hasSimpleAnnotation(body) {
		return
	}
	c.u.annotations = true
	c.emit(BUILD_MAP, 0)
	c.namedOp(0, STORE_NAME, 0, "__annotations__", ctxStore)
}

// hasSimpleAnnotation reports whether a body (not its nested functions or
// classes) holds `name: annotation`.
func hasSimpleAnnotation(body []ast.Stmt) bool {
	for _, st := range body {
		switch s := st.(type) {
		case *ast.AnnAssign:
			if _, ok := s.Target.(*ast.Name); ok {
				return true
			}
		case *ast.If:
			if hasSimpleAnnotation(s.Body) || hasSimpleAnnotation(s.Else) {
				return true
			}
		case *ast.While:
			if hasSimpleAnnotation(s.Body) || hasSimpleAnnotation(s.Else) {
				return true
			}
		case *ast.For:
			if hasSimpleAnnotation(s.Body) || hasSimpleAnnotation(s.Else) {
				return true
			}
		case *ast.With:
			if hasSimpleAnnotation(s.Body) {
				return true
			}
		case *ast.Try:
			if hasSimpleAnnotation(s.Body) || hasSimpleAnnotation(s.Else) || hasSimpleAnnotation(s.Finally) {
				return true
			}
			for _, h := range s.Handlers {
				if hasSimpleAnnotation(h.Body) {
					return true
				}
			}
		}
	}
	return false
}
