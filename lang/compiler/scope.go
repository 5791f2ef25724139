// scope.go is the scope-resolution pass: it builds a scope for the module
// and for every function, lambda, class body and comprehension, records how
// each scope uses its names, and classifies every name as local, global
// (explicit or implicit), free or cell, as CPython 3.11's symtable.c does.
// It also reports the SyntaxErrors that depend on scopes.

package compiler

import (
	"fmt"
	"strings"

	"yflow/lang/ast"
)

type scopeKind int

const (
	scopeModule scopeKind = iota
	scopeFunction
	scopeLambda
	scopeClass
	scopeComp // a comprehension or generator expression
)

// symFlag records how a scope uses a name.
type symFlag uint16

const (
	symBound    symFlag = 1 << iota // assigned, deleted, imported, def/class, for/with/except target
	symParam                        // a parameter
	symGlobal                       // declared global
	symNonlocal                     // declared nonlocal
	symUse                          // read
	symIter                         // a comprehension iteration variable
	symWalrus                       // bound by := in a comprehension: binds in the enclosing function
	symAnnot                        // annotated
)

// bindKind is the resolved class of a name in a scope.
type bindKind int

const (
	bindNone           bindKind = iota
	bindLocal                   // a fast local in a function; a NAME in a module or class body
	bindGlobalExplicit          // declared global (or a := in a module-level comprehension)
	bindGlobalImplicit          // not bound anywhere visible: a global or builtin
	bindFree                    // bound in an enclosing function
	bindParent                  // (inline comprehensions) resolved as the enclosing scope resolves it
)

// scope is one name space with its symbols and, after resolution, their
// classification.
type scope struct {
	kind     scopeKind
	name     string   // function/class name, "<lambda>", "<listcomp>", ...
	node     ast.Node // *ast.Module, *ast.FuncDef, *ast.Lambda, *ast.ClassDef, comprehension node
	parent   *scope
	children []*scope
	private  string // class name used for private-name mangling ("" outside classes)

	syms     map[string]symFlag
	symOrder []string
	params   []string

	// Results of resolution.
	bind      map[string]bindKind
	cells     map[string]bool
	cellOrder []string
	freeSet   map[string]bool
	frees     []string

	isAsync        bool // async def, or an async comprehension
	generator      bool // contains yield, yield from, await (async) or a yielding construct
	needsClassCell bool // class body: a method uses super or __class__
	hasYielding    bool // comprehension with a `yielding` for clause
	inline         bool // comprehension compiled inline in the enclosing function
	compKind       string
	returnValue    *ast.Return        // first `return value` (for the async generator check)
	storage        map[string]string  // inline comprehension: local name -> hidden local name
	declPos        map[string]ast.Pos // position of the nonlocal statement of each name
}

func newScope(kind scopeKind, name string, node ast.Node, parent *scope) *scope {
	s := &scope{kind: kind, name: name, node: node, parent: parent,
		syms: map[string]symFlag{}, bind: map[string]bindKind{},
		cells: map[string]bool{}, freeSet: map[string]bool{}}
	if parent != nil {
		parent.children = append(parent.children, s)
		s.private = parent.private
	}
	return s
}

// isFunc reports whether s is a function-like scope (fast locals).
func (s *scope) isFunc() bool {
	return s.kind == scopeFunction || s.kind == scopeLambda || s.kind == scopeComp
}

// owner returns the scope whose code object s's code lives in: s itself,
// or for an inline comprehension the nearest enclosing non-inline scope.
func (s *scope) owner() *scope {
	for s.inline && s.parent != nil {
		s = s.parent
	}
	return s
}

func (s *scope) add(name string, f symFlag) {
	old, ok := s.syms[name]
	if !ok {
		s.symOrder = append(s.symOrder, name)
	}
	s.syms[name] = old | f
}

func (s *scope) addFree(name string) {
	if !s.freeSet[name] {
		s.freeSet[name] = true
		s.frees = append(s.frees, name)
	}
}

func (s *scope) markCell(name string) {
	if !s.cells[name] {
		s.cells[name] = true
		s.cellOrder = append(s.cellOrder, name)
	}
}

// mangle applies private name mangling: __x inside class C is _C__x.
func mangle(private, name string) string {
	if private == "" || !strings.HasPrefix(name, "__") || strings.HasSuffix(name, "__") || strings.Contains(name, ".") {
		return name
	}
	p := strings.TrimLeft(private, "_")
	if p == "" {
		return name
	}
	return "_" + p + name
}

// ---------------------------------------------------------------- collection

// symtable is the result of the scope pass.
type symtable struct {
	scopes map[ast.Node]*scope
	all    []*scope // creation (pre-)order
	module *scope
}

type collector struct {
	st       *symtable
	cur      *scope
	filename string
	err      *Error
	inlineN  int
}

func (c *collector) errorf(pos ast.Pos, format string, args ...any) {
	if c.err == nil {
		c.err = &Error{Kind: "SyntaxError", Msg: fmt.Sprintf(format, args...), Filename: c.filename, Line: pos.Line, Col: pos.Col}
	}
}

func (c *collector) push(kind scopeKind, name string, node ast.Node) *scope {
	s := newScope(kind, name, node, c.cur)
	c.st.scopes[node] = s
	c.st.all = append(c.st.all, s)
	c.cur = s
	return s
}

func (c *collector) pop() { c.cur = c.cur.parent }

// buildSymtable runs the scope pass over a module.
func buildSymtable(mod *ast.Module, filename string) (*symtable, *Error) {
	c := &collector{st: &symtable{scopes: map[ast.Node]*scope{}}, filename: filename}
	m := c.push(scopeModule, "<module>", mod)
	c.st.module = m
	c.stmts(mod.Body)
	if c.err != nil {
		return nil, c.err
	}
	if err := c.resolveAll(); err != nil {
		return nil, err
	}
	return c.st, nil
}

// buildSymtableExpr runs the scope pass over a lone expression (eval mode).
func buildSymtableExpr(mod *ast.Module, e ast.Expr, filename string) (*symtable, *Error) {
	c := &collector{st: &symtable{scopes: map[ast.Node]*scope{}}, filename: filename}
	m := c.push(scopeModule, "<module>", mod)
	c.st.module = m
	c.expr(e)
	if c.err != nil {
		return nil, c.err
	}
	if err := c.resolveAll(); err != nil {
		return nil, err
	}
	return c.st, nil
}

func (c *collector) mangle(name string) string { return mangle(c.cur.private, name) }

func (c *collector) def(name string, f symFlag) { c.cur.add(c.mangle(name), f) }

func (c *collector) use(name string) {
	c.cur.add(c.mangle(name), symUse)
	if name == "super" && c.cur.isFunc() {
		c.cur.add("__class__", symUse)
	}
}

func (c *collector) stmts(list []ast.Stmt) {
	for _, s := range list {
		if c.err != nil {
			return
		}
		c.stmt(s)
	}
}

func (c *collector) stmt(s ast.Stmt) {
	switch s := s.(type) {
	case nil:
	case *ast.ExprStmt:
		c.expr(s.X)
	case *ast.Assign:
		c.expr(s.Value)
		for _, t := range s.Targets {
			c.target(t)
		}
	case *ast.AugAssign:
		c.expr(s.Value)
		if n, ok := s.Target.(*ast.Name); ok {
			c.use(n.Id)
			c.def(n.Id, symBound)
		} else {
			c.expr(s.Target)
		}
	case *ast.AnnAssign:
		if s.Value != nil {
			c.expr(s.Value)
		}
		if n, ok := s.Target.(*ast.Name); ok {
			name := c.mangle(n.Id)
			if c.cur.syms[name]&(symGlobal|symNonlocal) != 0 && s.Value == nil {
				// `global x; x: int` is allowed; nothing to bind
				break
			}
			c.def(n.Id, symBound|symAnnot)
		} else if s.Target != nil {
			c.expr(s.Target)
		}
	case *ast.If:
		c.expr(s.Cond)
		c.stmts(s.Body)
		c.stmts(s.Else)
	case *ast.While:
		c.expr(s.Cond)
		c.stmts(s.Body)
		c.stmts(s.Else)
	case *ast.For:
		c.expr(s.Iter)
		if s.Async {
			c.checkAsync(s.Pos, "'async for' outside async function")
		}
		if s.Yielding {
			c.markYielding(s.Pos)
		}
		c.target(s.Target)
		c.stmts(s.Body)
		c.stmts(s.Else)
	case *ast.Break, *ast.Continue, *ast.Pass:
	case *ast.Return:
		if !c.cur.isFunc() || c.cur.kind == scopeComp {
			c.errorf(s.Pos, "'return' outside function")
			return
		}
		if s.Value != nil {
			if c.cur.returnValue == nil {
				c.cur.returnValue = s
			}
			c.expr(s.Value)
		}
	case *ast.FuncDef:
		c.funcDef(s)
	case *ast.ClassDef:
		for _, d := range s.Decorators {
			c.expr(d)
		}
		for _, b := range s.Bases {
			c.expr(b)
		}
		for _, k := range s.Keywords {
			if k != nil {
				c.expr(k.Value)
			}
		}
		c.def(s.Name, symBound)
		cs := c.push(scopeClass, s.Name, s)
		cs.private = s.Name
		c.stmts(s.Body)
		c.pop()
	case *ast.Try:
		c.stmts(s.Body)
		for _, h := range s.Handlers {
			if h == nil {
				continue
			}
			if h.Type != nil {
				c.expr(h.Type)
			}
			if h.Name != "" {
				c.def(h.Name, symBound)
			}
			c.stmts(h.Body)
		}
		c.stmts(s.Else)
		c.stmts(s.Finally)
	case *ast.Raise:
		if s.Exc != nil {
			c.expr(s.Exc)
		}
		if s.Cause != nil {
			c.expr(s.Cause)
		}
	case *ast.With:
		if s.Async {
			c.checkAsync(s.Pos, "'async with' outside async function")
		}
		if s.Yielding {
			c.markYielding(s.Pos)
		}
		for _, it := range s.Items {
			if it == nil {
				continue
			}
			c.expr(it.Context)
			if it.Target != nil {
				c.target(it.Target)
			}
		}
		c.stmts(s.Body)
	case *ast.Assert:
		c.expr(s.Test)
		if s.Msg != nil {
			c.expr(s.Msg)
		}
	case *ast.Del:
		for _, t := range s.Targets {
			c.target(t)
		}
	case *ast.Global:
		for _, n := range s.Names {
			name := c.mangle(n)
			f := c.cur.syms[name]
			if c.cur.kind != scopeModule || f != 0 {
				switch {
				case f&symParam != 0:
					c.errorf(s.Pos, "name '%s' is parameter and global", n)
				case f&symNonlocal != 0:
					c.errorf(s.Pos, "name '%s' is nonlocal and global", n)
				case f&symUse != 0:
					c.errorf(s.Pos, "name '%s' is used prior to global declaration", n)
				case f&symAnnot != 0:
					c.errorf(s.Pos, "annotated name '%s' can't be global", n)
				case f&symBound != 0:
					c.errorf(s.Pos, "name '%s' is assigned to before global declaration", n)
				}
			}
			c.cur.add(name, symGlobal)
		}
	case *ast.Nonlocal:
		if c.cur.kind == scopeModule {
			c.errorf(s.Pos, "nonlocal declaration not allowed at module level")
			return
		}
		for _, n := range s.Names {
			name := c.mangle(n)
			f := c.cur.syms[name]
			switch {
			case f&symParam != 0:
				c.errorf(s.Pos, "name '%s' is parameter and nonlocal", n)
			case f&symGlobal != 0:
				c.errorf(s.Pos, "name '%s' is nonlocal and global", n)
			case f&symUse != 0:
				c.errorf(s.Pos, "name '%s' is used prior to nonlocal declaration", n)
			case f&symAnnot != 0:
				c.errorf(s.Pos, "annotated name '%s' can't be nonlocal", n)
			case f&symBound != 0:
				c.errorf(s.Pos, "name '%s' is assigned to before nonlocal declaration", n)
			}
			c.cur.add(name, symNonlocal)
			if c.cur.declPos == nil {
				c.cur.declPos = map[string]ast.Pos{}
			}
			if _, ok := c.cur.declPos[name]; !ok {
				c.cur.declPos[name] = s.Pos
			}
		}
	case *ast.Import:
		for _, a := range s.Names {
			if a == nil {
				continue
			}
			if a.AsName != "" {
				c.def(a.AsName, symBound)
			} else {
				first := a.Name
				if i := strings.IndexByte(first, '.'); i >= 0 {
					first = first[:i]
				}
				c.def(first, symBound)
			}
		}
	case *ast.ImportFrom:
		if s.Names == nil {
			if c.cur.kind != scopeModule {
				c.errorf(s.Pos, "import * only allowed at module level")
			}
			return
		}
		for _, a := range s.Names {
			if a == nil {
				continue
			}
			if a.AsName != "" {
				c.def(a.AsName, symBound)
			} else {
				c.def(a.Name, symBound)
			}
		}
	default:
		c.errorf(s.Position(), "unsupported statement %T", s)
	}
}

// checkAsync reports msg unless the current scope is an async function.
func (c *collector) checkAsync(pos ast.Pos, msg string) {
	f := c.cur
	for f.kind == scopeComp {
		f = f.parent
	}
	if f.kind != scopeFunction || !f.isAsync {
		c.errorf(pos, "%s", msg)
	}
}

// markYielding records a `yielding` construct: the enclosing function
// becomes a generator; comprehensions on the way are compiled inline.
func (c *collector) markYielding(pos ast.Pos) {
	s := c.cur
	for s.kind == scopeComp {
		if s.compKind == "generator expression" {
			c.errorf(pos, "'yielding' inside generator expression")
			return
		}
		s.hasYielding = true
		s = s.parent
	}
	switch {
	case s.kind == scopeModule || s.kind == scopeClass:
		c.errorf(pos, "'yield' outside function")
	case s.isAsync:
		c.errorf(pos, "'yielding' inside async function")
	default:
		s.generator = true
	}
}

func (c *collector) params(p *ast.Params) {
	if p == nil {
		return
	}
	seen := map[string]bool{}
	add := func(prm *ast.Param) {
		if prm == nil {
			return
		}
		name := c.mangle(prm.Name)
		if seen[name] {
			c.errorf(prm.Pos, "duplicate argument '%s' in function definition", prm.Name)
			return
		}
		seen[name] = true
		c.cur.add(name, symParam)
		c.cur.params = append(c.cur.params, name)
	}
	for _, a := range p.Args {
		add(a)
	}
	for _, a := range p.KwOnly {
		add(a)
	}
	add(p.Vararg)
	add(p.Kwarg)
}

// defaults visits parameter defaults (evaluated in the enclosing scope) and
// checks their order.
func (c *collector) defaults(p *ast.Params) {
	if p == nil {
		return
	}
	sawDefault := false
	for _, a := range p.Args {
		if a == nil {
			continue
		}
		if a.Default != nil {
			sawDefault = true
			c.expr(a.Default)
		} else if sawDefault {
			c.errorf(a.Pos, "non-default argument follows default argument")
		}
	}
	for _, a := range p.KwOnly {
		if a != nil && a.Default != nil {
			c.expr(a.Default)
		}
	}
}

func (c *collector) funcDef(s *ast.FuncDef) {
	for _, d := range s.Decorators {
		c.expr(d)
	}
	c.defaults(s.Params)
	c.def(s.Name, symBound)
	fs := c.push(scopeFunction, s.Name, s)
	fs.isAsync = s.Async
	c.params(s.Params)
	c.stmts(s.Body)
	c.pop()
	c.finishFunc(fs)
}

func (c *collector) finishFunc(fs *scope) {
	if fs.isAsync && fs.generator && fs.returnValue != nil {
		c.errorf(fs.returnValue.Pos, "'return' with value in async generator")
	}
}

// target records the names bound by an assignment/del target.
func (c *collector) target(t ast.Expr) {
	switch t := t.(type) {
	case *ast.Name:
		c.def(t.Id, symBound)
	case *ast.TupleExpr:
		for _, e := range t.Elts {
			c.target(e)
		}
	case *ast.ListExpr:
		for _, e := range t.Elts {
			c.target(e)
		}
	case *ast.Starred:
		c.target(t.X)
	default:
		c.expr(t)
	}
}

func (c *collector) exprs(list []ast.Expr) {
	for _, e := range list {
		c.expr(e)
	}
}

func (c *collector) expr(e ast.Expr) {
	if c.err != nil {
		return
	}
	switch e := e.(type) {
	case nil:
	case *ast.Name:
		c.use(e.Id)
	case *ast.Constant:
	case *ast.JoinedStr:
		c.exprs(e.Values)
	case *ast.FormattedValue:
		c.expr(e.Value)
		c.expr(e.FormatSpec)
	case *ast.BinOp:
		c.expr(e.X)
		c.expr(e.Y)
	case *ast.UnaryOp:
		c.expr(e.X)
	case *ast.BoolOp:
		c.exprs(e.Values)
	case *ast.Compare:
		c.expr(e.Left)
		c.exprs(e.Rights)
	case *ast.IfExp:
		c.expr(e.Test)
		c.expr(e.Body)
		c.expr(e.Else)
	case *ast.Lambda:
		c.defaults(e.Params)
		ls := c.push(scopeLambda, "<lambda>", e)
		c.params(e.Params)
		c.expr(e.Body)
		c.pop()
		c.finishFunc(ls)
	case *ast.Call:
		c.expr(e.Func)
		c.exprs(e.Args)
		for _, k := range e.Keywords {
			if k != nil {
				c.expr(k.Value)
			}
		}
	case *ast.Attribute:
		c.expr(e.X)
	case *ast.Subscript:
		c.expr(e.X)
		c.expr(e.Index)
	case *ast.Slice:
		c.expr(e.Lo)
		c.expr(e.Hi)
		c.expr(e.Step)
	case *ast.Starred:
		c.expr(e.X)
	case *ast.ListExpr:
		c.exprs(e.Elts)
	case *ast.TupleExpr:
		c.exprs(e.Elts)
	case *ast.SetExpr:
		c.exprs(e.Elts)
	case *ast.DictExpr:
		c.exprs(e.Keys)
		c.exprs(e.Values)
	case *ast.ListComp:
		c.comp(e, "<listcomp>", "list comprehension", e.Generators, e.Elt, nil)
	case *ast.SetComp:
		c.comp(e, "<setcomp>", "set comprehension", e.Generators, e.Elt, nil)
	case *ast.DictComp:
		c.comp(e, "<dictcomp>", "dict comprehension", e.Generators, e.Key, e.Value)
	case *ast.GeneratorExp:
		c.comp(e, "<genexpr>", "generator expression", e.Generators, e.Elt, nil)
	case *ast.Yield:
		c.yield(e.Pos, false)
		c.expr(e.Value)
	case *ast.YieldFrom:
		c.yield(e.Pos, true)
		c.expr(e.Value)
	case *ast.Await:
		c.await(e.Pos)
		c.expr(e.Value)
	case *ast.NamedExpr:
		c.expr(e.Value)
		if e.Target != nil {
			c.walrus(e)
		}
	default:
		c.errorf(e.Position(), "unsupported expression %T", e)
	}
}

func (c *collector) yield(pos ast.Pos, from bool) {
	s := c.cur
	switch {
	case s.kind == scopeComp:
		c.errorf(pos, "'yield' inside %s", s.compKind)
	case s.kind == scopeModule || s.kind == scopeClass:
		c.errorf(pos, "'yield' outside function")
	case from && s.isAsync:
		c.errorf(pos, "'yield from' inside async function")
	default:
		s.generator = true
	}
}

func (c *collector) await(pos ast.Pos) {
	s := c.cur
	if s.kind == scopeComp {
		// The comprehension becomes asynchronous; comp checks where
		// that is allowed.
		s.isAsync = true
		return
	}
	switch {
	case s.kind == scopeModule || s.kind == scopeClass:
		c.errorf(pos, "'await' outside function")
	case s.kind != scopeFunction || !s.isAsync:
		c.errorf(pos, "'await' outside async function")
	}
}

func (c *collector) walrus(e *ast.NamedExpr) {
	name := c.mangle(e.Target.Id)
	if c.cur.kind != scopeComp {
		c.cur.add(name, symBound)
		return
	}
	s := c.cur
	for s.kind == scopeComp {
		if s.syms[name]&symIter != 0 {
			c.errorf(e.Pos, "assignment expression cannot rebind comprehension iteration variable '%s'", e.Target.Id)
			return
		}
		s.add(name, symWalrus)
		s = s.parent
	}
	if s.kind == scopeClass {
		c.errorf(e.Pos, "assignment expression within a comprehension cannot be used in a class body")
		return
	}
	s.add(name, symBound)
}

func (c *collector) comp(node ast.Expr, name, kind string, gens []*ast.Comprehension, elt, value ast.Expr) {
	if len(gens) == 0 || gens[0] == nil {
		c.errorf(node.Position(), "comprehension without for clause")
		return
	}
	if st, ok := elt.(*ast.Starred); ok && value == nil {
		c.errorf(st.Pos, "iterable unpacking cannot be used in comprehension")
		return
	}
	// The first iterable is evaluated in the enclosing scope.
	c.expr(gens[0].Iter)
	cs := c.push(scopeComp, name, node)
	cs.compKind = kind
	cs.add(".0", symParam)
	cs.params = []string{".0"}
	for i, g := range gens {
		if g == nil {
			continue
		}
		if i > 0 {
			c.expr(g.Iter)
		}
		if g.Async {
			cs.isAsync = true
		}
		if g.Yielding {
			c.markYielding(g.Pos)
		}
		c.compTarget(g.Target)
		c.exprs(g.Ifs)
	}
	c.expr(elt)
	c.expr(value)
	c.pop()
	if cs.hasYielding {
		cs.inline = true
	}
	if cs.isAsync && kind != "generator expression" && !cs.inline {
		// An async list/set/dict comprehension is awaited where it is
		// built: in an async function or in another comprehension
		// (which then becomes asynchronous too).
		switch p := cs.parent; {
		case p.kind == scopeComp:
			p.isAsync = true
		case p.kind != scopeFunction || !p.isAsync:
			c.errorf(node.Position(), "asynchronous comprehension outside of an asynchronous function")
		}
	}
	if cs.inline && cs.isAsync {
		c.errorf(node.Position(), "'yielding' inside an asynchronous comprehension")
	}
}

func (c *collector) compTarget(t ast.Expr) {
	switch t := t.(type) {
	case *ast.Name:
		c.def(t.Id, symBound|symIter)
	case *ast.TupleExpr:
		for _, e := range t.Elts {
			c.compTarget(e)
		}
	case *ast.ListExpr:
		for _, e := range t.Elts {
			c.compTarget(e)
		}
	case *ast.Starred:
		c.compTarget(t.X)
	default:
		c.expr(t)
	}
}

// ---------------------------------------------------------------- resolution

func (c *collector) resolveAll() *Error {
	for _, s := range c.st.all {
		if s.inline {
			s.storage = map[string]string{}
			c.inlineN++
			for _, n := range s.symOrder {
				if f := s.syms[n]; f&(symBound|symParam) != 0 && f&symWalrus == 0 {
					s.storage[n] = fmt.Sprintf("%s.%d", n, c.inlineN)
				}
			}
		}
	}
	for _, s := range c.st.all {
		for _, n := range s.symOrder {
			if _, err := c.lookup(s, n); err != nil {
				return err
			}
		}
	}
	return nil
}

// lookup classifies name in scope s (memoized).
func (c *collector) lookup(s *scope, name string) (bindKind, *Error) {
	if k, ok := s.bind[name]; ok {
		return k, nil
	}
	f := s.syms[name]
	var k bindKind
	switch {
	case s.inline:
		if _, ok := s.storage[name]; ok {
			k = bindLocal
		} else {
			k = bindParent
			if _, err := c.lookup(s.parent, name); err != nil {
				return 0, err
			}
		}
	case f&symGlobal != 0:
		k = bindGlobalExplicit
	case f&symNonlocal != 0:
		found, err := c.resolveFree(s, name)
		if err != nil {
			return 0, err
		}
		if !found {
			pos, ok := s.declPos[name]
			if !ok {
				pos = nodePos(s.node)
			}
			return 0, &Error{Kind: "SyntaxError", Msg: fmt.Sprintf("no binding for nonlocal '%s' found", name), Filename: c.filename, Line: pos.Line, Col: pos.Col}
		}
		k = bindFree
	case f&symWalrus != 0:
		found, err := c.resolveFree(s, name)
		if err != nil {
			return 0, err
		}
		if found {
			k = bindFree
		} else {
			k = bindGlobalExplicit
		}
	case f&(symBound|symParam) != 0:
		k = bindLocal
	case s.kind == scopeModule:
		k = bindGlobalImplicit
	default:
		found, err := c.resolveFree(s, name)
		if err != nil {
			return 0, err
		}
		if found {
			k = bindFree
		} else {
			k = bindGlobalImplicit
		}
	}
	s.bind[name] = k
	return k, nil
}

// resolveFree looks name up in the function scopes enclosing s (class
// scopes are skipped, except that a class binds __class__ for its
// methods). When found, the binding scope gets a cell and every scope on
// the way gets a free variable.
func (c *collector) resolveFree(s *scope, name string) (bool, *Error) {
	path := []*scope{s}
	markPath := func() {
		for _, q := range path {
			if !q.inline {
				q.addFree(name)
			}
		}
	}
	for p := s.parent; p != nil; p = p.parent {
		switch p.kind {
		case scopeModule:
			return false, nil
		case scopeClass:
			if name == "__class__" {
				p.needsClassCell = true
				p.markCell("__class__")
				markPath()
				return true, nil
			}
			path = append(path, p)
			continue
		}
		k, err := c.lookup(p, name)
		if err != nil {
			return false, err
		}
		switch k {
		case bindLocal:
			p.markCell(name)
			markPath()
			return true, nil
		case bindFree:
			markPath()
			return true, nil
		case bindParent:
			continue
		default:
			return false, nil
		}
	}
	return false, nil
}

func nodePos(n ast.Node) ast.Pos {
	if n == nil {
		return ast.Pos{}
	}
	return n.Position()
}
