// thread.go defines Interp (one running program: builtins, modules, I/O),
// Thread (one goroutine executing bytecode: the frame stack, the recursion
// depth and the exception being handled) and Frame.

package vm

import (
	"bufio"
	"io"
	"os"
	"sync"
	"sync/atomic"

	"yflow/lang/compiler"
)

// maxNativeDepth bounds the nesting of built-in calls made from Go, which
// the frame-based recursion limit does not see.
const maxNativeDepth = 20000

// Interp is the state shared by a program's threads.
type Interp struct {
	Builtins *Dict
	Modules  *Dict // sys.modules
	Stdout   *bufio.Writer
	Stderr   *bufio.Writer
	Stdin    *bufio.Reader
	Argv     []string
	Path     []string // module search path (script dir first)

	mainThread                     *Thread
	natives                        map[string]NativeModule
	builtinsMod                    *Module
	sysPath                        *List
	sources                        map[string][]string // filename -> lines, for tracebacks
	recursionLimit                 int
	maxStrDigits                   int // sys.set_int_max_str_digits (0: unlimited)
	stdinObj, stdoutObj, stderrObj Value
	gil                            gil
	nthreads                       int64      // threads made so far
	stdinMu                        sync.Mutex // input() reads with the lock released
}

// NewInterp makes an interpreter writing to the given streams.
func NewInterp(stdin io.Reader, stdout, stderr io.Writer) *Interp {
	in := &Interp{
		Modules:        NewDict(),
		Stdout:         bufio.NewWriterSize(stdout, 64<<10),
		Stderr:         bufio.NewWriter(stderr),
		Stdin:          bufio.NewReader(stdin),
		sources:        map[string][]string{},
		recursionLimit: 1000,
		maxStrDigits:   4300,
	}
	in.Builtins = makeBuiltins(in)
	in.mainThread = newThread(in)
	in.gil.init(in.mainThread)
	in.stdoutObj = Obj(&TextStream{name: "<stdout>", w: in.Stdout, in: in})
	// sys.stdin reads through the same buffer as input()
	stdinFile := &File{r: in.Stdin, name: "<stdin>", mode: "r", canR: true}
	if osf, ok := stdin.(*os.File); ok {
		stdinFile.f = osf
	}
	in.stdinObj = Obj(stdinFile)
	in.stderrObj = Obj(&TextStream{name: "<stderr>", w: in.Stderr, in: in})
	in.RegisterNative("sys", newSysModule)
	in.Modules.SetStr(Intern("builtins"), Obj(in.builtinsModule()))
	return in
}

// MainThread returns the interpreter's main thread.
func (in *Interp) MainThread() *Thread { return in.mainThread }

// Flush writes out buffered output.
func (in *Interp) Flush() {
	in.Stdout.Flush()
	in.Stderr.Flush()
}

// Thread executes bytecode. It is not safe for concurrent use.
type Thread struct {
	in      *Interp
	frame   *Frame
	depth   int
	handled Value // the exception being handled (NULL or None: none)
	pool    []*Frame
	cpool   []*Frame // frames for coroutines to attach (see Generator)
	yielded bool     // the last run loop stopped at a yield
	cdepth  int      // nesting of built-in calls (guards the Go stack)
	serial  int64    // 0 for the main thread, then 1, 2, ...
	ext     any      // per-thread state of the asyncio package (Ext)
	// sys.set_asyncgen_hooks: called with an async generator on its
	// first iteration, and when it is abandoned unfinished (NULL: none)
	agFirstIter, agFinalizer Value
	// breaker, set by a thread waiting for the interpreter lock, asks
	// this one to hand it over (see gil.go)
	breaker atomic.Int32
}

// Ext is per-thread state kept for a standard-library package (asyncio's
// running and current event loops).
func (t *Thread) Ext() any { return t.ext }

// SetExt sets what Ext returns.
func (t *Thread) SetExt(v any) { t.ext = v }

func newThread(in *Interp) *Thread {
	t := &Thread{in: in, serial: in.nthreads}
	in.nthreads++
	return t
}

// Interp returns the thread's interpreter.
func (t *Thread) Interp() *Interp { return t.in }

// Frame is one activation of a code object.
type Frame struct {
	fn       *Function
	code     *compiler.Code
	rt       *codeRT
	globals  *Dict
	locals   *Dict // the namespace of module and class bodies, else nil
	slots    []Value
	cells    []*Cell
	sp       int
	pc       int
	back     *Frame
	entry    bool // the base frame of a run loop
	pooled   bool
	depth    int
	gen      *Generator // the generator owning this frame, if any
	throwing *Exception // raised at pc when the loop (re)starts
}

// newFrame returns a frame for code at the next depth, with room for
// locals and stack; RecursionError past the limit.
func (t *Thread) newFrame(code *compiler.Code, rt *codeRT) (*Frame, error) {
	d := t.depth + 1
	if d > t.in.recursionLimit {
		return nil, Errorf(RecursionErrorType, "maximum recursion depth exceeded")
	}
	for len(t.pool) <= d {
		t.pool = append(t.pool, &Frame{pooled: true})
	}
	f := t.pool[d]
	if f.code != nil {
		// still in use (a generator or a frame kept by a nested loop): make a fresh one
		f = &Frame{}
	}
	f.code = code
	f.rt = rt
	f.depth = d
	if cap(f.slots) < rt.fsize {
		f.slots = make([]Value, rt.fsize)
	} else {
		f.slots = f.slots[:rt.fsize]
	}
	if rt.ncells > 0 {
		// a pooled frame keeps its cell array (cleared) for the next call
		if cap(f.cells) >= rt.ncells {
			f.cells = f.cells[:rt.ncells]
		} else {
			f.cells = make([]*Cell, rt.ncells)
		}
	} else {
		f.cells = f.cells[:0]
	}
	f.sp = rt.nlocals
	f.pc = 0
	f.locals = nil
	f.entry = false
	t.depth = d
	return f, nil
}

// releaseFrame returns a finished frame to the pool.
func (t *Thread) releaseFrame(f *Frame) {
	t.depth = f.depth - 1
	f.code = nil
	f.back = nil
	if f.pooled {
		// a generator's frame keeps its function: gi_code reads it
		f.fn = nil
		f.globals = nil
		clear(f.cells)
	}
}

// setupFunctionFrame makes the frame for calling fn with args.
func (t *Thread) setupFunctionFrame(fn *Function, args []Value, kw []*Str) (*Frame, error) {
	f, err := t.newFrame(fn.code, fn.rt)
	if err != nil {
		return nil, err
	}
	f.fn = fn
	f.globals = fn.globals
	if fn.simple && len(kw) == 0 && len(args) == fn.code.ArgCount {
		copy(f.slots, args)
		for i := len(args); i < f.rt.nlocals; i++ {
			f.slots[i] = Null
		}
		return f, nil
	}
	if err := t.bindArgs(fn, f.slots, args, kw); err != nil {
		t.releaseFrame(f)
		return nil, err
	}
	if len(f.cells) > 0 {
		code := fn.code
		nc := len(code.CellVars)
		for i := 0; i < nc; i++ {
			c := &Cell{}
			if code.Cell2Arg != nil && code.Cell2Arg[i] >= 0 {
				c.v = f.slots[code.Cell2Arg[i]]
			}
			f.cells[i] = c
		}
		copy(f.cells[nc:], fn.closure)
	}
	return f, nil
}

// Call calls any callable from Go.
func (t *Thread) Call(fv Value, args []Value, kw []*Str) (Value, error) {
	switch fn := fv.o.(type) {
	case *Function:
		if fn.code.Flags&(compiler.FlagGenerator|compiler.FlagCoroutine|compiler.FlagAsyncGenerator) != 0 {
			return t.makeGenerator(fn, args, kw)
		}
		f, err := t.setupFunctionFrame(fn, args, kw)
		if err != nil {
			return Null, err
		}
		return t.runFrame(f)
	case *Builtin:
		t.cdepth++
		if t.cdepth > maxNativeDepth {
			t.cdepth--
			return Null, Errorf(RecursionErrorType, "maximum recursion depth exceeded while calling a Python object")
		}
		r, err := fn.fn(t, fn.self, args, kw)
		t.cdepth--
		return r, err
	case *Method:
		nargs := make([]Value, len(args)+1)
		nargs[0] = fn.self
		copy(nargs[1:], args)
		return t.Call(fn.fn, nargs, kw)
	case *MethodDescr:
		if fn.class {
			return fn.fn(t, Obj(fn.owner), args, kw)
		}
		if len(args)-len(kw) < 1 {
			return Null, Errorf(TypeErrorType, "unbound method %s.%s() needs an argument", fn.owner.Name, fn.name)
		}
		self := unwrapSelf(args[0])
		if st := self.Type(); st != fn.owner && !st.IsSubtype(fn.owner) {
			return Null, Errorf(TypeErrorType, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", fn.name, fn.owner.Name, args[0].Type().Name)
		}
		return fn.fn(t, self, args[1:], kw)
	case *Type:
		return t.callType(fn, args, kw)
	}
	call := fv.Type().Lookup(strCall)
	if call.o == nil {
		return Null, Errorf(TypeErrorType, "'%s' object is not callable", fv.Type().Name)
	}
	nargs := make([]Value, len(args)+1)
	nargs[0] = fv
	copy(nargs[1:], args)
	return t.Call(call, nargs, kw)
}

// runFrame runs a prepared frame to completion on a nested loop.
func (t *Thread) runFrame(f *Frame) (Value, error) {
	f.back = t.frame
	f.entry = true
	t.frame = f
	v, err := t.run(f)
	return v, err
}

// callType implements calling a class: type(x), or instantiation.
func (t *Thread) callType(cls *Type, args []Value, kw []*Str) (Value, error) {
	if cls == TypeType && len(args) == 1 && len(kw) == 0 {
		return Obj(args[0].Type()), nil
	}
	var obj Value
	newm := cls.Lookup(strDunderNew)
	if fn, ok := newm.o.(*StaticMethod); ok && !isBuiltinNew(fn) {
		nargs := make([]Value, len(args)+1)
		nargs[0] = Obj(cls)
		copy(nargs[1:], args)
		v, err := t.Call(fn.fn, nargs, kw)
		if err != nil {
			return Null, err
		}
		obj = v
		if !obj.Type().IsSubtype(cls) {
			return obj, nil
		}
	} else if cls.payload != nil && !cls.builtin {
		v, err := t.newPayloadInstance(cls, args, kw)
		if err != nil {
			return Null, err
		}
		obj = v
	} else if cls.new != nil {
		v, err := cls.new(t, cls, args, kw)
		if err != nil {
			return Null, err
		}
		obj = v
		if cls.builtin {
			return obj, nil
		}
	} else {
		obj = Obj(newInstance(cls))
	}
	init := cls.Lookup(strInit)
	if init.o == nil {
		return obj, nil
	}
	if d, ok := init.o.(*MethodDescr); ok && d.owner == ObjectType {
		if len(args) > 0 && cls.payload == nil && cls.Lookup(strDunderNew).o == ObjectType.Dict.getStrValue(strDunderNew).o {
			return Null, Errorf(TypeErrorType, "%s() takes no arguments", cls.Name)
		}
		return obj, nil
	}
	nargs := make([]Value, len(args)+1)
	nargs[0] = obj
	copy(nargs[1:], args)
	r, err := t.Call(init, nargs, kw)
	if err != nil {
		return Null, err
	}
	if !r.IsNone() {
		return Null, Errorf(TypeErrorType, "__init__() should return None, not '%s'", r.Type().Name)
	}
	return obj, nil
}

func (d *Dict) getStrValue(k *Str) Value {
	v, _ := d.GetStr(k)
	return v
}

func isBuiltinNew(sm *StaticMethod) bool {
	_, ok := sm.fn.o.(*Builtin)
	return ok
}
