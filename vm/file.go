// file.go implements open() and the file objects it returns: text files
// (str, UTF-8, universal newlines on read) and binary files (bytes).

package vm

import (
	"bufio"
	"errors"
	"io"
	"io/fs"
	"os"
	"strings"
	"syscall"
)

// File is an open file.
type File struct {
	f      *os.File
	r      *bufio.Reader
	w      *bufio.Writer
	name   string
	mode   string
	binary bool
	closed bool
	canR   bool
	canW   bool
}

var fileType, binFileType *Type

// Type implements Object.
func (f *File) Type() *Type {
	if f.binary {
		return binFileType
	}
	return fileType
}

// osError converts a Go file error to the matching OSError subclass.
func osError(err error, filename string) error {
	var pe *fs.PathError
	var errno syscall.Errno
	if errors.As(err, &pe) {
		filename = pe.Path
	}
	if errors.As(err, &errno) {
		cls := OSErrorType
		if c, ok := errnoClasses[int64(errno)]; ok {
			cls = *c
		}
		e := NewException(cls, Int(int64(errno)), StrValue(errnoMessage(errno)), StrValue(filename))
		e.goErr = err
		return e
	}
	e := NewException(OSErrorType, StrValue(err.Error()))
	e.goErr = err
	return e
}

func errnoMessage(e syscall.Errno) string {
	s := e.Error()
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func builtinOpen(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
	var file, mode, buffering, encoding, errs, newline Value
	if err := unpackArgs("open", args, kw, []string{"file", "mode", "buffering", "encoding", "errors", "newline"}, 1, &file, &mode, &buffering, &encoding, &errs, &newline); err != nil {
		return Null, err
	}
	name, ok := file.o.(*Str)
	if !ok {
		return Null, Errorf(TypeErrorType, "expected str, bytes or os.PathLike object, not %s", file.Type().Name)
	}
	m := "r"
	if mode.o != nil {
		ms, ok := mode.o.(*Str)
		if !ok {
			return Null, Errorf(TypeErrorType, "open() argument 'mode' must be str, not %s", mode.Type().Name)
		}
		m = ms.s
	}
	flags := 0
	f := &File{name: name.s, mode: m, binary: strings.Contains(m, "b")}
	plus := strings.Contains(m, "+")
	switch {
	case strings.Contains(m, "r"):
		flags = os.O_RDONLY
		f.canR = true
		if plus {
			flags = os.O_RDWR
			f.canW = true
		}
	case strings.Contains(m, "w"):
		flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
		f.canW = true
	case strings.Contains(m, "a"):
		flags = os.O_WRONLY | os.O_CREATE | os.O_APPEND
		f.canW = true
	case strings.Contains(m, "x"):
		flags = os.O_WRONLY | os.O_CREATE | os.O_EXCL
		f.canW = true
	default:
		return Null, Errorf(ValueErrorType, "invalid mode: '%s'", m)
	}
	if plus && !f.canR {
		flags = flags&^os.O_WRONLY | os.O_RDWR
		f.canR = true
	}
	if f.binary && encoding.o != nil && !encoding.IsNone() {
		return Null, Errorf(ValueErrorType, "binary mode doesn't take an encoding argument")
	}
	osf, err := os.OpenFile(name.s, flags, 0o666)
	if err != nil {
		return Null, osError(err, name.s)
	}
	if st, err := osf.Stat(); err == nil && st.IsDir() {
		osf.Close()
		return Null, NewException(IsADirectoryErrorType, Int(21), StrValue("Is a directory"), StrValue(name.s))
	}
	f.f = osf
	if f.canR {
		f.r = bufio.NewReader(osf)
	}
	if f.canW {
		f.w = bufio.NewWriter(osf)
	}
	return Obj(f), nil
}

func (f *File) check(t *Thread) error {
	if f.closed {
		if f.binary {
			return Errorf(ValueErrorType, "read of closed file")
		}
		return Errorf(ValueErrorType, "I/O operation on closed file.")
	}
	return nil
}

func (f *File) wrap(data []byte) Value {
	if f.binary {
		return Obj(NewBytes(data))
	}
	s := strings.ReplaceAll(string(data), "\r\n", "\n")
	return StrValue(s)
}

func (f *File) readline() ([]byte, error) {
	line, err := f.r.ReadBytes('\n')
	if err == io.EOF {
		err = nil
	}
	return line, err
}

func setupFileTypes() {
	fileType = newBuiltinType("TextIOWrapper", ObjectType)
	fileType.Module = "_io"
	binFileType = newBuiltinType("BufferedReader", ObjectType)
	binFileType.Module = "_io"
	for _, typ := range []*Type{fileType, binFileType} {
		addMethod(typ, "read", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			f := self.o.(*File)
			if err := f.check(t); err != nil {
				return Null, err
			}
			if !f.canR {
				return Null, NewException(ExceptionTypes["UnsupportedOperation"], StrValue("not readable"))
			}
			n := int64(-1)
			if len(args) > 0 && !args[0].IsNone() {
				var err error
				if n, err = t.Index(args[0]); err != nil {
					return Null, err
				}
			}
			if n < 0 {
				data, err := io.ReadAll(f.r)
				if err != nil {
					return Null, osError(err, f.name)
				}
				return f.wrap(data), nil
			}
			if f.binary {
				buf := make([]byte, n)
				k, err := io.ReadFull(f.r, buf)
				if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
					return Null, osError(err, f.name)
				}
				return Obj(NewBytes(buf[:k])), nil
			}
			var b strings.Builder
			for i := int64(0); i < n; i++ {
				r, _, err := f.r.ReadRune()
				if err != nil {
					break
				}
				b.WriteRune(r)
			}
			return StrValue(b.String()), nil
		})
		addMethod(typ, "readline", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			f := self.o.(*File)
			if err := f.check(t); err != nil {
				return Null, err
			}
			line, err := f.readline()
			if err != nil {
				return Null, osError(err, f.name)
			}
			return f.wrap(line), nil
		})
		addMethod(typ, "readlines", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			f := self.o.(*File)
			if err := f.check(t); err != nil {
				return Null, err
			}
			var out []Value
			for {
				line, err := f.readline()
				if err != nil {
					return Null, osError(err, f.name)
				}
				if len(line) == 0 {
					return Obj(NewList(out)), nil
				}
				out = append(out, f.wrap(line))
			}
		})
		addMethod(typ, "write", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			f := self.o.(*File)
			if err := checkArgs("write", args, kw, 1, 1); err != nil {
				return Null, err
			}
			if err := f.check(t); err != nil {
				return Null, err
			}
			if !f.canW {
				return Null, NewException(ExceptionTypes["UnsupportedOperation"], StrValue("not writable"))
			}
			if f.binary {
				switch b := args[0].o.(type) {
				case *Bytes:
					f.w.Write(b.b)
					return Int(int64(len(b.b))), nil
				case *ByteArray:
					f.w.Write(b.b)
					return Int(int64(len(b.b))), nil
				}
				return Null, Errorf(TypeErrorType, "a bytes-like object is required, not '%s'", args[0].Type().Name)
			}
			s, ok := args[0].o.(*Str)
			if !ok {
				return Null, Errorf(TypeErrorType, "write() argument must be str, not %s", args[0].Type().Name)
			}
			f.w.WriteString(s.s)
			return Int(int64(s.Len())), nil
		})
		addMethod(typ, "writelines", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			w, _ := t.GetAttr(self, Intern("write"))
			return None, t.iterate(args[0], func(v Value) error {
				_, err := t.Call(w, []Value{v}, nil)
				return err
			})
		})
		addMethod(typ, "flush", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			f := self.o.(*File)
			if f.w != nil && !f.closed {
				f.w.Flush()
			}
			return None, nil
		})
		closeFn := func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			f := self.o.(*File)
			if f.closed {
				return None, nil
			}
			f.closed = true
			if f.w != nil {
				f.w.Flush()
			}
			if f.f == nil {
				return None, nil
			}
			if err := f.f.Close(); err != nil {
				return Null, osError(err, f.name)
			}
			return None, nil
		}
		addMethod(typ, "close", closeFn)
		addMethod(typ, "__enter__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := self.o.(*File).check(t); err != nil {
				return Null, err
			}
			return self, nil
		})
		addMethod(typ, "__exit__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if _, err := closeFn(t, self, nil, nil); err != nil {
				return Null, err
			}
			return False, nil
		})
		addMethod(typ, "__iter__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := self.o.(*File).check(t); err != nil {
				return Null, err
			}
			return self, nil
		})
		addMethod(typ, "__next__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			f := self.o.(*File)
			if err := f.check(t); err != nil {
				return Null, err
			}
			line, err := f.readline()
			if err != nil {
				return Null, osError(err, f.name)
			}
			if len(line) == 0 {
				return Null, NewException(StopIterationType)
			}
			return f.wrap(line), nil
		})
		addMethod(typ, "seek", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			f := self.o.(*File)
			if err := checkArgs("seek", args, kw, 1, 2); err != nil {
				return Null, err
			}
			if err := f.check(t); err != nil {
				return Null, err
			}
			off, err := t.Index(args[0])
			if err != nil {
				return Null, err
			}
			whence := int64(0)
			if len(args) == 2 {
				if whence, err = t.Index(args[1]); err != nil {
					return Null, err
				}
			}
			if f.w != nil {
				f.w.Flush()
			}
			if whence == 1 && f.r != nil {
				off -= int64(f.r.Buffered())
			}
			if f.f == nil {
				return Null, NewException(ExceptionTypes["UnsupportedOperation"], StrValue("underlying stream is not seekable"))
			}
			pos, serr := f.f.Seek(off, int(whence))
			if serr != nil {
				return Null, osError(serr, f.name)
			}
			if f.r != nil {
				f.r.Reset(f.f)
			}
			return Int(pos), nil
		})
		addMethod(typ, "tell", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			f := self.o.(*File)
			if err := f.check(t); err != nil {
				return Null, err
			}
			if f.w != nil {
				f.w.Flush()
			}
			if f.f == nil {
				return Null, NewException(ExceptionTypes["UnsupportedOperation"], StrValue("underlying stream is not seekable"))
			}
			pos, err := f.f.Seek(0, 1)
			if err != nil {
				return Null, osError(err, f.name)
			}
			if f.r != nil {
				pos -= int64(f.r.Buffered())
			}
			return Int(pos), nil
		})
		addMethod(typ, "readable", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return Bool(self.o.(*File).canR), nil
		})
		addMethod(typ, "writable", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return Bool(self.o.(*File).canW), nil
		})
		addMethod(typ, "fileno", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			f := self.o.(*File)
			if f.f == nil {
				return Null, NewException(ExceptionTypes["UnsupportedOperation"], StrValue("fileno"))
			}
			return Int(int64(f.f.Fd())), nil
		})
		addMethod(typ, "__repr__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			f := self.o.(*File)
			if f.binary {
				return StrValue("<_io.BufferedReader name='" + f.name + "'>"), nil
			}
			return StrValue("<_io.TextIOWrapper name='" + f.name + "' mode='" + f.mode + "' encoding='UTF-8'>"), nil
		})
		typ.attr = func(t *Thread, o Value, name string) (Value, bool, error) {
			f := o.o.(*File)
			switch name {
			case "closed":
				return Bool(f.closed), true, nil
			case "name":
				return StrValue(f.name), true, nil
			case "mode":
				return StrValue(f.mode), true, nil
			case "encoding":
				if !f.binary {
					return StrValue("UTF-8"), true, nil
				}
			}
			return Null, false, nil
		}
	}
}

// OSErrorFromGo converts a Go error from the os package to the matching
// OSError subclass (FileNotFoundError, PermissionError, ...).
func OSErrorFromGo(err error, filename string) error { return osError(err, filename) }
