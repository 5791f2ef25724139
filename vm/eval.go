// eval.go implements the eval() and exec() built-ins: source text (or a
// code object) compiled and run with given globals and locals mappings.

package vm

import (
	"yflow/lang/compiler"
)

// runCodeIn runs a module-level code object with separate globals and
// locals mappings.
func (t *Thread) runCodeIn(code *compiler.Code, globals, locals *Dict) (Value, error) {
	fn := NewFunction(code, globals)
	f, err := t.newFrame(code, fn.rt)
	if err != nil {
		return Null, err
	}
	f.fn = nil
	f.globals = globals
	f.locals = locals
	for i := 0; i < f.rt.nlocals; i++ {
		f.slots[i] = Null
	}
	for i := range f.cells {
		f.cells[i] = &Cell{}
	}
	return t.runFrame(f)
}

// evalScopes resolves the globals and locals arguments of eval/exec.
func (t *Thread) evalScopes(name string, g, l Value) (*Dict, *Dict, error) {
	var globals, locals *Dict
	if g.o != nil && !g.IsNone() {
		d, ok := g.o.(*Dict)
		if !ok {
			return nil, nil, Errorf(TypeErrorType, "%s() globals must be a dict, not %s", name, g.Type().Name)
		}
		globals = d
		if _, ok := d.GetStr(strBuiltins); !ok {
			d.SetStr(strBuiltins, Obj(t.in.builtinsModule()))
		}
	} else if t.frame != nil {
		globals = t.frame.globals
	} else {
		globals = NewDict()
	}
	if l.o != nil && !l.IsNone() {
		d, ok := l.o.(*Dict)
		if !ok {
			return nil, nil, Errorf(TypeErrorType, "locals must be a mapping")
		}
		locals = d
	} else if g.o != nil && !g.IsNone() {
		locals = globals
	} else if t.frame != nil {
		if t.frame.locals != nil {
			locals = t.frame.locals
		} else {
			locals = t.localsDict().o.(*Dict)
		}
	} else {
		locals = globals
	}
	return globals, locals, nil
}

func builtinEvalExec(name string, mode compiler.Mode) BuiltinFn {
	return func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		var src, g, l Value
		if err := unpackArgs(name, args, kw, []string{"source", "globals", "locals"}, 1, &src, &g, &l); err != nil {
			return Null, err
		}
		globals, locals, err := t.evalScopes(name, g, l)
		if err != nil {
			return Null, err
		}
		var code *compiler.Code
		switch s := src.o.(type) {
		case *CodeObject:
			code = s.code
		case *Str, *Bytes:
			text := ""
			if st, ok := s.(*Str); ok {
				text = st.s
			} else {
				text = string(s.(*Bytes).b)
			}
			if mode == compiler.ModeEval {
				text = trimEvalSource(text)
			}
			code, err = t.in.Compile("<string>", []byte(text), mode)
			if err != nil {
				return Null, err
			}
		default:
			return Null, Errorf(TypeErrorType, "%s() arg 1 must be a string, bytes or code object", name)
		}
		r, err := t.runCodeIn(code, globals, locals)
		if err != nil {
			return Null, err
		}
		if mode == compiler.ModeExec {
			return None, nil
		}
		return r, nil
	}
}

// trimEvalSource drops the leading spaces and tabs eval() ignores.
func trimEvalSource(s string) string {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return s[i:]
}
