// api_gen.go exports what an event loop needs to drive coroutines and
// generators from Go: resuming with send/throw, closing, and inspecting.

package vm

// Resume advances a coroutine or generator (or any object with send/throw,
// or an iterator) by sending v into it, or by throwing exc when exc is not
// nil. It returns the yielded value with done=false, or the return value
// (the StopIteration value) with done=true; any other exception is err.
func (t *Thread) Resume(coro Value, v Value, exc *Exception) (Value, bool, error) {
	if g, ok := coro.o.(*Generator); ok {
		if exc != nil {
			return t.resumeThrow(g, exc)
		}
		return t.resume(g, v, nil)
	}
	if w, ok := coro.o.(*coroWrapper); ok {
		return t.Resume(Obj(w.g), v, exc)
	}
	r, done, err := t.yieldFromStep(coro, v, exc)
	return r, done, err
}

// resumeThrow throws exc into g (g.throw semantics, including for a
// generator that has not started).
func (t *Thread) resumeThrow(g *Generator, exc *Exception) (Value, bool, error) {
	if !g.started {
		g.started = true
		t.finish(g)
		return Null, true, exc
	}
	return t.resume(g, Null, exc)
}

// CloseCoroutine is coro.close().
func (t *Thread) CloseCoroutine(coro Value) error {
	if g, ok := coro.o.(*Generator); ok {
		return t.genClose(g)
	}
	if cl := coro.Type().LookupString("close"); cl.o != nil {
		_, err := t.callMethodValue(cl, coro, nil)
		return err
	}
	return nil
}

// AsGenerator returns the generator or coroutine object in v.
func AsGenerator(v Value) (*Generator, bool) {
	g, ok := v.o.(*Generator)
	return g, ok
}

// Name is the generator's __qualname__.
func (g *Generator) Name() string { return g.qual() }

// Done reports whether the generator has finished.
func (g *Generator) Done() bool { return g.done }

// Started reports whether the generator has run at all.
func (g *Generator) Started() bool { return g.started }

// Running reports whether the generator is executing now.
func (g *Generator) Running() bool { return g.running }

// SuspendedLine is the source line where a suspended generator waits (0
// when not suspended), for debug reports.
func (g *Generator) SuspendedLine() int {
	if g.done {
		return 0
	}
	if f := g.frame; f != nil {
		if f.code == nil {
			return 0
		}
		return f.code.Line(f.pc - 1)
	}
	return g.fn.code.Line(int(g.pc) - 1)
}

// Filename is the source file of the generator's code.
func (g *Generator) Filename() string { return g.code().Filename }

// GetAwaitable is the await protocol: a coroutine as it is, or the
// iterator returned by __await__.
func (t *Thread) GetAwaitable(v Value) (Value, error) { return t.getAwaitable(v) }

// CurrentException is the exception being handled (None when none).
func (t *Thread) CurrentException() Value {
	if t.handled.o == nil {
		return None
	}
	return t.handled
}

// Traceback renders an exception (with its chain) as CPython prints it.
func (t *Thread) Traceback(e *Exception) string { return t.FormatException(e) }

// Stdout returns the interpreter's buffered standard output.
func (in *Interp) StdoutWriter() interface{ WriteString(string) (int, error) } { return in.Stdout }

// WriteStderr writes to standard error, after flushing standard output so
// the two stay in order.
func (in *Interp) WriteStderr(s string) {
	in.Stdout.Flush()
	in.Stderr.WriteString(s)
	in.Stderr.Flush()
}
