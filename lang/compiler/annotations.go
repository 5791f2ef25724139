// annotations.go compiles annotations: a function's parameter and return
// annotations become its __annotations__ dict (MAKE_FUNCTION flag 4),
// evaluated when the def runs, as in CPython 3.11. After `from __future__
// import annotations` (PEP 563) no annotation is evaluated: each is
// stored as the string of its expression, rebuilt from the tree.

package compiler

import (
	"strings"

	"yflow/lang/ast"
)

// futureAnnotations reports whether a module starts with `from __future__
// import annotations` (after an optional docstring and other future
// imports).
func futureAnnotations(mod *ast.Module) bool {
	for i, s := range mod.Body {
		switch s := s.(type) {
		case *ast.ImportFrom:
			if s.Module != "__future__" || s.Level != 0 {
				return false
			}
			for _, a := range s.Names {
				if a.Name == "annotations" {
					return true
				}
			}
		case *ast.ExprStmt:
			if _, ok := s.X.(*ast.Constant); !ok || i > 0 {
				return false
			}
		default:
			return false
		}
	}
	return false
}

// annotation emits one annotation's value: the expression, or its text
// under PEP 563.
func (c *compiler) annotation(e ast.Expr) {
	if c.futureAnnotations {
		c.loadConst(unparse(e))
		return
	}
	c.expr(e)
}

// annotations emits a def's __annotations__ dict and returns the
// MAKE_FUNCTION flag for it (0 when the def has none).
func (c *compiler) annotations(p *ast.Params, returns ast.Expr) int {
	n := 0
	add := func(a *ast.Param) {
		if a != nil && a.Annotation != nil {
			c.loadConst(c.mangle(a.Name))
			c.annotation(a.Annotation)
			n++
		}
	}
	if p != nil {
		for _, a := range p.Args {
			add(a)
		}
		add(p.Vararg)
		for _, a := range p.KwOnly {
			add(a)
		}
		add(p.Kwarg)
	}
	if returns != nil {
		c.loadConst("return")
		c.annotation(returns)
		n++
	}
	if n == 0 {
		return 0
	}
	c.emit(BUILD_MAP, n)
	return 4
}

// unparse renders an annotation expression as PEP 563 stores it (the
// spelling of Python's ast.unparse for the forms annotations use).
func unparse(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Name:
		return e.Id
	case *ast.Attribute:
		return unparse(e.X) + "." + e.Name
	case *ast.Subscript:
		idx := unparse(e.Index)
		if t, ok := e.Index.(*ast.TupleExpr); ok && len(t.Elts) > 0 {
			idx = unparseList(t.Elts)
		}
		return unparse(e.X) + "[" + idx + "]"
	case *ast.UnaryOp:
		if e.Op == ast.Not {
			return "not " + unparse(e.X)
		}
		return e.Op.String() + unparse(e.X)
	case *ast.BinOp:
		return unparse(e.X) + " " + e.Op.String() + " " + unparse(e.Y)
	case *ast.TupleExpr:
		if len(e.Elts) == 1 {
			return "(" + unparse(e.Elts[0]) + ",)"
		}
		return "(" + unparseList(e.Elts) + ")"
	case *ast.ListExpr:
		return "[" + unparseList(e.Elts) + "]"
	case *ast.Call:
		args := make([]string, 0, len(e.Args)+len(e.Keywords))
		for _, a := range e.Args {
			args = append(args, unparse(a))
		}
		for _, k := range e.Keywords {
			args = append(args, k.Name+"="+unparse(k.Value))
		}
		return unparse(e.Func) + "(" + strings.Join(args, ", ") + ")"
	case *ast.Constant:
		if _, ok := e.Value.(ast.EllipsisType); ok {
			return "..." // as source, where Repr says Ellipsis
		}
		return Repr(e.Value) // dis.go
	}
	return "..."
}

func unparseList(es []ast.Expr) string {
	parts := make([]string, len(es))
	for i, x := range es {
		parts[i] = unparse(x)
	}
	return strings.Join(parts, ", ")
}
