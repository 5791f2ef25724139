// import.go implements the import system (built-in modules and .yf files
// found beside the script or on the search path, each run once) and the
// entry points that compile and run source text.

package vm

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	"yflow/lang/compiler"
	"yflow/lang/parser"
)

// NativeModule builds a built-in module on first import.
type NativeModule func(t *Thread) (*Module, error)

// RegisterNative makes a built-in module importable under name.
func (in *Interp) RegisterNative(name string, build NativeModule) {
	if in.natives == nil {
		in.natives = map[string]NativeModule{}
	}
	in.natives[name] = build
}

// Compile parses and compiles a file, turning syntax errors into
// SyntaxError exceptions.
func (in *Interp) Compile(filename string, src []byte, mode compiler.Mode) (*compiler.Code, error) {
	in.AddSource(filename, src)
	mod, err := parser.Parse(filename, src)
	if err != nil {
		return nil, syntaxError(err, src)
	}
	code, err := compiler.Compile(mod, mode)
	if err != nil {
		return nil, syntaxError(err, src)
	}
	return code, nil
}

// syntaxError converts a parser or compiler error to a SyntaxError.
func syntaxError(err error, src []byte) error {
	var kind, msg, filename string
	var line, col int
	var text string
	var pe *parser.Error
	var ce *compiler.Error
	switch {
	case errors.As(err, &pe):
		kind, msg, filename, line, col, text = pe.Kind, pe.Msg, pe.Filename, pe.Line, pe.Col, pe.Text
	case errors.As(err, &ce):
		kind, msg, filename, line, col = ce.Kind, ce.Msg, ce.Filename, ce.Line, ce.Col
		lines := strings.Split(string(src), "\n")
		if line >= 1 && line <= len(lines) {
			text = lines[line-1]
		}
	default:
		return Errorf(SyntaxErrorType, "%s", err.Error())
	}
	cls := ExceptionTypes[kind]
	if cls == nil {
		cls = SyntaxErrorType
	}
	e := NewException(cls, StrValue(msg))
	d := e.dictOrNew()
	d.SetStr(Intern("filename"), StrValue(filename))
	d.SetStr(Intern("lineno"), Int(int64(line)))
	d.SetStr(Intern("offset"), Int(int64(col)))
	d.SetStr(Intern("text"), StrValue(text))
	d.SetStr(Intern("msg"), StrValue(msg))
	return e
}

// RunMain runs a script as the __main__ module.
func (in *Interp) RunMain(filename string, src []byte) error {
	t := in.mainThread
	code, err := in.Compile(filename, src, compiler.ModeExec)
	if err != nil {
		return err
	}
	m := NewModule("__main__")
	m.dict.SetStr(strFile, StrValue(filename))
	m.dict.SetStr(strBuiltins, Obj(in.builtinsModule()))
	in.Modules.SetStr(strMain, Obj(m))
	_, err = t.RunCode(code, m.dict)
	return err
}

// RunCode runs a module-level code object in the given globals.
func (t *Thread) RunCode(code *compiler.Code, globals *Dict) (Value, error) {
	fn := NewFunction(code, globals)
	f, err := t.newFrame(code, fn.rt)
	if err != nil {
		return Null, err
	}
	f.fn = nil
	f.globals = globals
	f.locals = globals
	for i := 0; i < f.rt.nlocals; i++ {
		f.slots[i] = Null
	}
	if f.cells != nil {
		for i := range f.cells {
			f.cells[i] = &Cell{}
		}
	}
	return t.runFrame(f)
}

func (in *Interp) builtinsModule() *Module {
	if in.builtinsMod == nil {
		in.builtinsMod = &Module{name: "builtins", dict: in.Builtins}
	}
	return in.builtinsMod
}

// importName implements IMPORT_NAME.
func (t *Thread) importName(f *Frame, name string, fromlist, level Value) (Value, error) {
	lvl := 0
	if level.IsInt() {
		lvl = int(level.AsInt())
	}
	full := name
	if lvl > 0 {
		pkg := t.packageOf(f.globals)
		parts := strings.Split(pkg, ".")
		if pkg == "" || lvl-1 > len(parts)-1 && !(lvl == 1) {
			return Null, Errorf(ImportErrorType, "attempted relative import with no known parent package")
		}
		if pkg == "" {
			return Null, Errorf(ImportErrorType, "attempted relative import with no known parent package")
		}
		if lvl-1 >= len(parts) {
			return Null, Errorf(ImportErrorType, "attempted relative import beyond top-level package")
		}
		base := strings.Join(parts[:len(parts)-(lvl-1)], ".")
		if name == "" {
			full = base
		} else {
			full = base + "." + name
		}
	}
	m, err := t.importModule(full, f)
	if err != nil {
		return Null, err
	}
	hasFrom := false
	if tup, ok := fromlist.o.(*Tuple); ok && len(tup.items) > 0 {
		hasFrom = true
	}
	if hasFrom || lvl > 0 && name == "" {
		return m, nil
	}
	if lvl > 0 {
		return m, nil
	}
	top := strings.SplitN(full, ".", 2)[0]
	v, _ := t.in.Modules.GetStr(Intern(top))
	return v, nil
}

func (t *Thread) packageOf(globals *Dict) string {
	if p, ok := globals.GetStr(Intern("__package__")); ok {
		if s, ok := p.o.(*Str); ok {
			return s.s
		}
	}
	n, _ := globals.GetStr(strName)
	s, _ := n.o.(*Str)
	if s == nil {
		return ""
	}
	if _, ok := globals.GetStr(strPath); ok {
		return s.s
	}
	if i := strings.LastIndex(s.s, "."); i >= 0 {
		return s.s[:i]
	}
	return ""
}

// importModule imports a dotted module name, importing parents first.
func (t *Thread) importModule(full string, f *Frame) (Value, error) {
	if v, ok := t.in.Modules.GetStr(Intern(full)); ok {
		return v, nil
	}
	parts := strings.Split(full, ".")
	var parent *Module
	for i := range parts {
		name := strings.Join(parts[:i+1], ".")
		if v, ok := t.in.Modules.GetStr(Intern(name)); ok {
			parent, _ = v.o.(*Module)
			continue
		}
		m, err := t.loadModule(name, parts[i], parent)
		if err != nil {
			return Null, err
		}
		if parent != nil {
			parent.dict.SetStr(Intern(parts[i]), Obj(m))
		}
		parent = m
	}
	v, _ := t.in.Modules.GetStr(Intern(full))
	return v, nil
}

func (t *Thread) loadModule(full, last string, parent *Module) (*Module, error) {
	// Built-in modules are found by their full dotted name, so a native
	// package ("concurrent") can have native submodules
	// ("concurrent.futures").
	if build, ok := t.in.natives[full]; ok {
		m, err := build(t)
		if err != nil {
			return nil, err
		}
		t.in.Modules.SetStr(Intern(full), Obj(m))
		return m, nil
	}
	var dirs []string
	if parent != nil {
		if p, ok := parent.dict.GetStr(strPath); ok {
			if l, ok := p.o.(*List); ok {
				for _, d := range l.items {
					if s, ok := d.o.(*Str); ok {
						dirs = append(dirs, s.s)
					}
				}
			}
		}
		if dirs == nil {
			return nil, &Exception{cls: ModuleNotFoundErrorType, args: []Value{StrValue("No module named '" + full + "'; '" + parent.name + "' is not a package")}}
		}
	} else {
		dirs = t.in.searchPath()
	}
	for _, dir := range dirs {
		// a module is NAME.yf or, for programs written for CPython too,
		// NAME.py; a package is a directory with __init__.yf or __init__.py
		file, isPkg, ok := findModule(dir, last)
		if !ok {
			continue
		}
		src, err := os.ReadFile(file)
		if err != nil {
			return nil, Errorf(ImportErrorType, "%s", err.Error())
		}
		display := file
		if rel, err := filepath.Rel(".", file); err == nil && !strings.HasPrefix(rel, "..") {
			display = rel
		}
		code, err := t.in.Compile(display, src, compiler.ModeExec)
		if err != nil {
			return nil, err
		}
		m := NewModule(full)
		m.dict.SetStr(strFile, StrValue(display))
		m.dict.SetStr(strBuiltins, Obj(t.in.builtinsModule()))
		if isPkg {
			m.dict.SetStr(strPath, Obj(NewList([]Value{StrValue(filepath.Dir(file))})))
			m.dict.SetStr(Intern("__package__"), StrValue(full))
		} else {
			pkg := ""
			if i := strings.LastIndex(full, "."); i >= 0 {
				pkg = full[:i]
			}
			m.dict.SetStr(Intern("__package__"), StrValue(pkg))
		}
		t.in.Modules.SetStr(Intern(full), Obj(m))
		if _, err := t.RunCode(code, m.dict); err != nil {
			t.in.Modules.Delete(t, StrValue(full))
			return nil, err
		}
		if v, ok := t.in.Modules.GetStr(Intern(full)); ok {
			if mm, ok := v.o.(*Module); ok {
				return mm, nil
			}
		}
		return m, nil
	}
	return nil, &Exception{cls: ModuleNotFoundErrorType, args: []Value{StrValue("No module named '" + full + "'")}}
}

func (in *Interp) searchPath() []string {
	if in.sysPath != nil {
		var out []string
		for _, v := range in.sysPath.items {
			if s, ok := v.o.(*Str); ok {
				out = append(out, s.s)
			}
		}
		return out
	}
	return in.Path
}

// importFrom implements IMPORT_FROM.
func (t *Thread) importFrom(mv Value, name *Str) (Value, error) {
	v, err := t.GetAttr(mv, name)
	if err == nil {
		return v, nil
	}
	m, ok := mv.o.(*Module)
	if !ok {
		return Null, err
	}
	sub := m.name + "." + name.s
	if r, err2 := t.importModule(sub, nil); err2 == nil {
		return r, nil
	} else if e, ok := err2.(*Exception); ok && !e.cls.IsSubtype(ModuleNotFoundErrorType) {
		return Null, err2
	}
	where := ""
	if f, ok := m.dict.GetStr(strFile); ok {
		if s, ok := f.o.(*Str); ok {
			where = " (" + s.s + ")"
		}
	} else {
		where = " (unknown location)"
	}
	return Null, Errorf(ImportErrorType, "cannot import name '%s' from '%s'%s", name.s, m.name, where)
}

// importStar implements IMPORT_STAR.
func (t *Thread) importStar(mv Value, ns *Dict) error {
	m, ok := mv.o.(*Module)
	if !ok {
		return Errorf(TypeErrorType, "import * needs a module")
	}
	if all, ok := m.dict.GetStr(strAll); ok {
		return t.iterate(all, func(n Value) error {
			s, ok := n.o.(*Str)
			if !ok {
				return Errorf(TypeErrorType, "Item in __all__ must be str")
			}
			v, err := t.GetAttr(mv, Intern(s.s))
			if err != nil {
				return err
			}
			ns.SetStr(Intern(s.s), v)
			return nil
		})
	}
	m.dict.Items(func(k, v Value) bool {
		if s, ok := k.o.(*Str); ok && !strings.HasPrefix(s.s, "_") {
			ns.SetStr(s, v)
		}
		return true
	})
	return nil
}

// printExpr implements PRINT_EXPR (the REPL's echo).
func (t *Thread) printExpr(v Value) error {
	if v.IsNone() {
		return nil
	}
	t.in.Builtins.SetStr(Intern("_"), v)
	s, err := t.Repr(v)
	if err != nil {
		return err
	}
	t.in.Stdout.WriteString(s + "\n")
	return nil
}

// findModule looks in dir for the module or package called name.
func findModule(dir, name string) (file string, isPkg, ok bool) {
	isFile := func(p string) bool {
		st, err := os.Stat(p)
		return err == nil && !st.IsDir()
	}
	for _, ext := range [...]string{".yf", ".py"} {
		if p := filepath.Join(dir, name, "__init__"+ext); isFile(p) {
			return p, true, true
		}
	}
	for _, ext := range [...]string{".yf", ".py"} {
		if p := filepath.Join(dir, name+ext); isFile(p) {
			return p, false, true
		}
	}
	return "", false, false
}
