// Package osmod is yflow's small `os` module: the environment, the working
// directory, removing and listing files, and os.path's common functions.
package osmod

import (
	"os"
	"path/filepath"
	"sort"
	"strings"

	"yflow/stdlib/modutil"
	"yflow/vm"
)

func str(t *vm.Thread, fn string, v vm.Value) (string, error) {
	s, ok := v.AsStr()
	if !ok {
		return "", vm.Errorf(vm.TypeErrorType, "%s: path should be string, bytes or os.PathLike, not %s", fn, v.Type().Name)
	}
	return s.String(), nil
}

func oserr(err error, name string) error {
	return vm.OSErrorFromGo(err, name)
}

// Module builds os (and os.path).
func Module(t *vm.Thread) (*vm.Module, error) {
	m := vm.NewModule("os")
	env := vm.NewDict()
	for _, kv := range os.Environ() {
		if i := strings.IndexByte(kv, '='); i > 0 {
			env.SetStr(vm.Intern(kv[:i]), vm.StrValue(kv[i+1:]))
		}
	}
	m.Set("environ", vm.Obj(env))
	m.Set("sep", vm.StrValue("/"))
	m.Set("linesep", vm.StrValue("\n"))
	m.Set("name", vm.StrValue("posix"))
	m.Set("curdir", vm.StrValue("."))
	modutil.Def(m, "getcwd", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		d, err := os.Getwd()
		if err != nil {
			return vm.Null, oserr(err, ".")
		}
		return vm.StrValue(d), nil
	})
	modutil.Def(m, "getpid", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		return vm.Int(int64(os.Getpid())), nil
	})
	modutil.Def(m, "getenv", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("getenv", args, kw, 1, 2); err != nil {
			return vm.Null, err
		}
		k, err := str(t, "getenv", args[0])
		if err != nil {
			return vm.Null, err
		}
		if v, ok := os.LookupEnv(k); ok {
			return vm.StrValue(v), nil
		}
		if len(args) == 2 {
			return args[1], nil
		}
		return vm.None, nil
	})
	for _, name := range []string{"remove", "unlink", "rmdir", "mkdir", "makedirs", "chdir"} {
		name := name
		modutil.Def(m, name, func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			if len(args)-len(kw) < 1 {
				return vm.Null, vm.Errorf(vm.TypeErrorType, "%s() missing required argument 'path' (pos 1)", name)
			}
			p, err := str(t, name, args[0])
			if err != nil {
				return vm.Null, err
			}
			switch name {
			case "remove", "unlink":
				if st, e := os.Stat(p); e == nil && st.IsDir() {
					return vm.Null, vm.NewException(vm.IsADirectoryErrorType, vm.Int(21), vm.StrValue("Is a directory"), vm.StrValue(p))
				}
				err = os.Remove(p)
			case "rmdir":
				err = os.Remove(p)
			case "mkdir":
				err = os.Mkdir(p, 0o777)
			case "makedirs":
				err = os.MkdirAll(p, 0o777)
			case "chdir":
				err = os.Chdir(p)
			}
			if err != nil {
				return vm.Null, oserr(err, p)
			}
			return vm.None, nil
		})
	}
	modutil.Def(m, "rename", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("rename", args, kw, 2, 2); err != nil {
			return vm.Null, err
		}
		a, err := str(t, "rename", args[0])
		if err != nil {
			return vm.Null, err
		}
		b, err := str(t, "rename", args[1])
		if err != nil {
			return vm.Null, err
		}
		if err := os.Rename(a, b); err != nil {
			return vm.Null, oserr(err, a)
		}
		return vm.None, nil
	})
	modutil.Def(m, "listdir", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		p := "."
		if len(args) > 0 {
			var err error
			if p, err = str(t, "listdir", args[0]); err != nil {
				return vm.Null, err
			}
		}
		ents, err := os.ReadDir(p)
		if err != nil {
			return vm.Null, oserr(err, p)
		}
		names := make([]string, len(ents))
		for i, e := range ents {
			names[i] = e.Name()
		}
		sort.Strings(names)
		out := make([]vm.Value, len(names))
		for i, n := range names {
			out[i] = vm.StrValue(n)
		}
		return vm.Obj(vm.NewList(out)), nil
	})
	path := vm.NewModule("os.path")
	path.Set("sep", vm.StrValue("/"))
	one := func(name string, fn func(string) vm.Value) {
		modutil.Def(path, name, func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			if err := vm.CheckArgs(name, args, kw, 1, 1); err != nil {
				return vm.Null, err
			}
			p, err := str(t, name, args[0])
			if err != nil {
				return vm.Null, err
			}
			return fn(p), nil
		})
	}
	one("exists", func(p string) vm.Value { _, err := os.Stat(p); return vm.Bool(err == nil) })
	one("isfile", func(p string) vm.Value { st, err := os.Stat(p); return vm.Bool(err == nil && !st.IsDir()) })
	one("isdir", func(p string) vm.Value { st, err := os.Stat(p); return vm.Bool(err == nil && st.IsDir()) })
	one("isabs", func(p string) vm.Value { return vm.Bool(strings.HasPrefix(p, "/")) })
	one("abspath", func(p string) vm.Value { a, _ := filepath.Abs(p); return vm.StrValue(a) })
	one("normpath", func(p string) vm.Value { return vm.StrValue(filepath.Clean(p)) })
	one("basename", func(p string) vm.Value { return vm.StrValue(p[strings.LastIndex(p, "/")+1:]) })
	one("dirname", func(p string) vm.Value {
		i := strings.LastIndex(p, "/")
		if i < 0 {
			return vm.StrValue("")
		}
		d := p[:i+1]
		if strings.Trim(d, "/") != "" {
			d = strings.TrimRight(d, "/")
		}
		return vm.StrValue(d)
	})
	one("getsize", func(p string) vm.Value {
		st, err := os.Stat(p)
		if err != nil {
			return vm.Int(0)
		}
		return vm.Int(st.Size())
	})
	modutil.Def(path, "join", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if len(args) == 0 {
			return vm.Null, vm.Errorf(vm.TypeErrorType, "join() missing 1 required positional argument: 'a'")
		}
		out := ""
		for i, a := range args {
			s, err := str(t, "join", a)
			if err != nil {
				return vm.Null, err
			}
			switch {
			case i == 0 || strings.HasPrefix(s, "/"):
				out = s
			case out == "" || strings.HasSuffix(out, "/"):
				out += s
			default:
				out += "/" + s
			}
		}
		return vm.StrValue(out), nil
	})
	modutil.Def(path, "split", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("split", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		p, err := str(t, "split", args[0])
		if err != nil {
			return vm.Null, err
		}
		i := strings.LastIndex(p, "/") + 1
		head := p[:i]
		if strings.Trim(head, "/") != "" {
			head = strings.TrimRight(head, "/")
		}
		return vm.TupleValue(vm.StrValue(head), vm.StrValue(p[i:])), nil
	})
	modutil.Def(path, "splitext", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("splitext", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		p, err := str(t, "splitext", args[0])
		if err != nil {
			return vm.Null, err
		}
		base := p[strings.LastIndex(p, "/")+1:]
		dot := strings.LastIndex(base, ".")
		if dot <= 0 || strings.Trim(base[:dot], ".") == "" {
			return vm.TupleValue(vm.StrValue(p), vm.StrValue("")), nil
		}
		cut := len(p) - len(base) + dot
		return vm.TupleValue(vm.StrValue(p[:cut]), vm.StrValue(p[cut:])), nil
	})
	m.Set("path", vm.Obj(path))
	return m, nil
}
