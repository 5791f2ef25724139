// coro_detach_test.go tests how a suspended coroutine gives back its
// frame: what it keeps (its locals, not the awaitable it delegates to),
// that a resume restores it exactly, that levels above the leaf of a
// chain keep their frames, and that finished coroutines return theirs
// to the pool.

package vm

import (
	"bytes"
	"strings"
	"testing"
	"unsafe"
)

// coroSetup runs src (which defines things at module level) and returns
// the main thread and the module's globals.
func coroSetup(t *testing.T, src string) (*Thread, *Dict, *bytes.Buffer) {
	t.Helper()
	var out, errb bytes.Buffer
	in := NewInterp(strings.NewReader(""), &out, &errb)
	if err := in.RunMain("t.py", []byte(src)); err != nil {
		t.Fatalf("setup: %v\n%s", err, errb.String())
	}
	m, _ := in.Modules.GetStr(Intern("__main__"))
	return in.MainThread(), m.o.(*Module).dict, &out
}

func global(t *testing.T, d *Dict, name string) Value {
	t.Helper()
	v, ok := d.GetStr(Intern(name))
	if !ok {
		t.Fatalf("no global %s", name)
	}
	return v
}

const tickSrc = `
class Tick:
    def __await__(self):
        return iter(["tick"])

async def leaf(a, b):
    x = a + b
    await Tick()
    y = x * 10
    await Tick()
    return y + a

async def outer():
    r = await leaf(1, 2)
    return r + 1000
`

func TestCoroutineDetachesAtSuspension(t *testing.T) {
	th, d, _ := coroSetup(t, tickSrc+"c = leaf(1, 2)\n")
	c := global(t, d, "c")
	g := c.o.(*Generator)
	if g.frame != nil || len(g.saved) != g.fn.rt.nlocals {
		t.Fatalf("a new coroutine should hold only its locals: frame %v, saved %d", g.frame, len(g.saved))
	}
	v, done, err := th.Resume(c, None, nil)
	if err != nil || done || repr(th, v) != "tick" {
		t.Fatalf("first resume: %v %v %v", v, done, err)
	}
	if g.frame != nil {
		t.Fatal("suspended leaf coroutine kept its frame")
	}
	if !g.savedSub || len(g.saved) != g.fn.rt.nlocals {
		t.Fatalf("saved %d slots (savedSub %v), want the %d locals and the awaitable left out", len(g.saved), g.savedSub, g.fn.rt.nlocals)
	}
	if got := g.SuspendedLine(); got != 8 {
		t.Fatalf("suspended at line %d, want 8", got)
	}
	if len(th.cpool) == 0 {
		t.Fatal("the detached frame did not go to the pool")
	}
	// the locals as cr_frame shows them while detached
	fo := g.frameObject().o.(*FrameObject)
	locals := frameLocals(fo.frame()).o.(*Dict)
	if x, _ := locals.GetStr(Intern("x")); repr(th, x) != "3" {
		t.Fatalf("f_locals x = %v", x)
	}
	v, done, err = th.Resume(c, None, nil)
	if err != nil || done || repr(th, v) != "tick" {
		t.Fatalf("second resume: %v %v %v", v, done, err)
	}
	v, done, err = th.Resume(c, None, nil)
	if err != nil || !done || repr(th, v) != "31" {
		t.Fatalf("last resume: %v %v %v", v, done, err)
	}
	if g.frame != nil || g.saved != nil {
		t.Fatal("a finished coroutine keeps its state")
	}
}

func TestCoroutineChainKeepsDelegatorFrames(t *testing.T) {
	th, d, _ := coroSetup(t, tickSrc+"c = outer()\n")
	c := global(t, d, "c")
	g := c.o.(*Generator)
	if _, _, err := th.Resume(c, None, nil); err != nil {
		t.Fatal(err)
	}
	sub, ok := g.yieldFrom.(*Generator)
	if !ok {
		t.Fatalf("outer delegates to %T", g.yieldFrom)
	}
	if g.frame == nil {
		t.Fatal("the delegating level lost its frame")
	}
	if sub.frame != nil {
		t.Fatal("the leaf kept its frame")
	}
	if g.leaf != sub || g.root != g {
		t.Fatal("chain links wrong")
	}
	for i := 0; i < 2; i++ {
		v, done, err := th.Resume(c, None, nil)
		if i == 0 && (err != nil || done) {
			t.Fatalf("resume: %v %v", done, err)
		}
		if i == 1 && (err != nil || !done || repr(th, v) != "1031") {
			t.Fatalf("last resume: %v %v %v", v, done, err)
		}
	}
	if g.frame != nil || sub.frame != nil {
		t.Fatal("finished coroutines keep frames")
	}
}

func TestDetachedCoroutineThrowAndClose(t *testing.T) {
	src := tickSrc + `
log = []
async def guarded():
    try:
        await Tick()
    except ValueError as e:
        log.append("caught " + str(e))
        await Tick()
    finally:
        log.append("finally")
c = guarded()
`
	th, d, _ := coroSetup(t, src)
	c := global(t, d, "c")
	g := c.o.(*Generator)
	if _, _, err := th.Resume(c, None, nil); err != nil {
		t.Fatal(err)
	}
	if g.frame != nil {
		t.Fatal("not detached")
	}
	v, done, err := th.Resume(c, Null, Errorf(ValueErrorType, "boom"))
	if err != nil || done || repr(th, v) != "tick" {
		t.Fatalf("throw: %v %v %v", v, done, err)
	}
	if err := th.CloseCoroutine(c); err != nil {
		t.Fatal(err)
	}
	if got := repr(th, global(t, d, "log")); got != "['caught boom', 'finally']" {
		t.Fatalf("log %s", got)
	}
	if !g.done || g.frame != nil {
		t.Fatal("closed coroutine not finished")
	}
}

func repr(th *Thread, v Value) string {
	r, err := th.Repr(v)
	if err != nil {
		return "<" + err.Error() + ">"
	}
	return strings.Trim(r, "'")
}

// TestGeneratorHeaderSize keeps a parked coroutine's header in the
// 128-byte size class.
func TestGeneratorHeaderSize(t *testing.T) {
	if n := unsafe.Sizeof(Generator{}); n > 128 {
		t.Fatalf("Generator is %d bytes, want at most 128", n)
	}
}
