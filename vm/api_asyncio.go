// api_asyncio.go exports what stdlib/asyncio needs beyond api.go and
// api_gen.go: a capability interface through which `yield from` and
// `await` drive Go-implemented iterators (a Future's __await__ iterator)
// directly, without method lookups or a StopIteration object per step.

package vm

// YieldFromStepper is implemented by Go iterators that `yield from` /
// `await` may drive directly. StepYieldFrom sends v into the iterator
// (v is None or NULL for __next__), or throws exc when exc is not nil;
// it returns the yielded value with done=false, or the iterator's return
// value (what StopIteration would carry) with done=true.
type YieldFromStepper interface {
	StepYieldFrom(t *Thread, v Value, exc *Exception) (Value, bool, error)
}

// FirstLine is the line of the def of the generator's function.
func (g *Generator) FirstLine() int { return g.code().FirstLine }

// FirstLine is the line of the function's def.
func (f *Function) FirstLine() int { return f.code.FirstLine }

// Filename is the source file of the function's code.
func (f *Function) Filename() string { return f.code.Filename }

// QualName is the function's __qualname__.
func (f *Function) QualName() string { return f.qualname }
