// gil.go implements the global interpreter lock: yflow threads are
// goroutines, and one at a time runs bytecode or touches interpreter
// state. A thread releases the lock around calls that block (sleeping,
// waiting for a lock, the event loop's poll) and, when another thread has
// waited longer than the switch interval, at its next backward jump or
// call (the eval breaker). The lock hands over in FIFO order: a thread
// that releases and re-acquires queues behind the waiters, so a busy
// thread cannot starve the others.
//
// While a program has only its main thread, none of this costs anything
// but a flag test: the main thread holds the lock from the start and
// never releases it.

package vm

import (
	"fmt"
	"sync/atomic"
	"time"
)

// defaultSwitchInterval is how long a waiting thread lets the holder run
// before asking it to yield (sys.getswitchinterval()).
const defaultSwitchInterval = 5 * time.Millisecond

// gil is the interpreter lock. The token is a slot in a channel of
// capacity one: holding the lock is having filled it. Go hands a freed
// slot to the longest-waiting sender, which gives the FIFO order.
type gil struct {
	token chan struct{}
	// holder is the thread holding the lock: a thread that has waited a
	// switch interval sets the holder's breaker, asking it to yield.
	holder atomic.Pointer[Thread]
	// threaded is set once a second thread has started: from then on
	// blocking calls release the lock.
	threaded atomic.Bool
	// interval is the switch interval in nanoseconds.
	interval atomic.Int64
}

// init makes the lock, held by the main thread.
func (g *gil) init(main *Thread) {
	g.token = make(chan struct{}, 1)
	g.token <- struct{}{}
	g.holder.Store(main)
	g.interval.Store(int64(defaultSwitchInterval))
}

// acquire takes the lock for t, asking the holder to yield if it keeps
// it for more than the switch interval.
func (g *gil) acquire(t *Thread) {
	select {
	case g.token <- struct{}{}:
		g.holder.Store(t)
		return
	default:
	}
	interval := time.Duration(g.interval.Load())
	tm := time.NewTimer(interval)
	for {
		select {
		case g.token <- struct{}{}:
			tm.Stop()
			g.holder.Store(t)
			return
		case <-tm.C:
			if h := g.holder.Load(); h != nil {
				h.breaker.Store(1)
			}
			tm.Reset(interval)
		}
	}
}

// release gives the lock up.
func (g *gil) release() {
	g.holder.Store(nil)
	<-g.token
}

// Threaded reports whether the program has started a second thread.
func (in *Interp) Threaded() bool { return in.gil.threaded.Load() }

// ReleaseGIL lets other threads run while t blocks in Go code; call
// AcquireGIL with its result when done. It does nothing while the
// program has only one thread (or for a nil Thread, as Go tests of
// the event loop pass).
func (t *Thread) ReleaseGIL() bool {
	if t == nil {
		return false
	}
	g := &t.in.gil
	if !g.threaded.Load() {
		return false
	}
	g.release()
	return true
}

// AcquireGIL takes the lock back after ReleaseGIL returned true.
func (t *Thread) AcquireGIL(released bool) {
	if released {
		t.in.gil.acquire(t)
	}
}

// Blocking runs fn (Go code that may block and touches no interpreter
// state) with the lock released.
func (t *Thread) Blocking(fn func()) {
	r := t.ReleaseGIL()
	fn()
	t.AcquireGIL(r)
}

// yieldGIL is the eval breaker: another thread has waited a switch
// interval, so hand the lock over and queue for it again.
func (t *Thread) yieldGIL() {
	g := &t.in.gil
	t.breaker.Store(0)
	g.release()
	g.acquire(t)
}

// StartThread runs fn on a new thread of the interpreter, which holds the
// lock while it runs. fn gets the new Thread, whose ident is returned.
func (in *Interp) StartThread(fn func(t *Thread)) int64 {
	in.gil.threaded.Store(true)
	nt := newThread(in)
	go func() {
		in.gil.acquire(nt)
		defer in.gil.release()
		defer func() {
			if r := recover(); r != nil {
				in.WriteStderr(fmt.Sprintf("Exception in thread:\nTraceback (most recent call last):\n  (internal)\nSystemError: yflow internal error: %v\n", r))
			}
		}()
		fn(nt)
	}()
	return nt.Ident()
}

// identBase makes thread idents look like CPython's (large, distinct).
const identBase = 139_800_000_000_000

// Ident is the thread's _thread.get_ident().
func (t *Thread) Ident() int64 { return identBase + t.serial<<23 }

// Serial numbers the interpreter's threads: 0 for the main one.
func (t *Thread) Serial() int64 { return t.serial }

// Shutdown is what happens when the main program ends, before the
// process exits: if the program imported threading, threading._shutdown()
// waits for its non-daemon threads; then the main module's globals are
// let go (see finalizeMain).
func (in *Interp) Shutdown() {
	in.joinThreads()
	in.finalizeMain()
}

// finalizeMain closes the suspended generators that __main__'s globals
// hold, in the order CPython clears a module's dict at exit (names with
// one leading underscore first, then the rest), so their finally blocks
// run as they do when CPython's reference counts drop.
func (in *Interp) finalizeMain() {
	mv, ok := in.Modules.GetStr(strMain)
	if !ok {
		return
	}
	m, ok := mv.o.(*Module)
	if !ok {
		return
	}
	t := in.mainThread
	var first, rest []Value
	m.dict.Items(func(k, v Value) bool {
		name, _ := k.o.(*Str)
		if _, isGen := v.o.(*Generator); !isGen || name == nil {
			return true
		}
		if len(name.s) > 1 && name.s[0] == '_' && name.s[1] != '_' {
			first = append(first, v)
		} else {
			rest = append(rest, v)
		}
		return true
	})
	for _, v := range append(first, rest...) {
		if g := v.o.(*Generator); !g.coro && !g.agen {
			t.closeOwned(v)
		}
	}
}

// joinThreads calls threading._shutdown() if threading was imported.
func (in *Interp) joinThreads() {
	m, ok := in.Modules.GetStr(Intern("threading"))
	if !ok {
		return
	}
	t := in.mainThread
	fn, err := t.GetAttr(m, Intern("_shutdown"))
	if err != nil {
		return
	}
	if _, err := t.Call(fn, nil, nil); err != nil {
		if e, ok := err.(*Exception); ok && !e.cls.IsSubtype(KeyboardInterruptType) {
			t.writeUnraisable(e, m)
		}
	}
}
