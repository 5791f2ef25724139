// loop.go is the event loop: the ready queue, the timer heap, the poller
// (which blocks, with the next timer's deadline as its timeout, only when
// nothing is ready), the thread-safe queue fed by call_soon_threadsafe,
// and one iteration in the order of CPython's BaseEventLoop._run_once.

package asyncio

import (
	"math"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"yflow/stdlib/asyncio/internal/poll"
	"yflow/vm"
)

// Tuning, as in CPython's base_events.py.
const (
	minScheduledTimers        = 100
	minCancelledTimerFraction = 0.5
	maxSelectTimeout          = 24 * 3600.0
	clockResolution           = 1e-9
	// pollEvery is how many turns may pass with work ready and no file
	// descriptor registered before the loop looks at the poller anyway.
	pollEvery = 64
)

// monotonic is the loop's clock in seconds.
func monotonic() float64 { return vm.Monotonic() }

// Loop is an asyncio event loop.
type Loop struct {
	st *state
	// asyncgens are the async generators first iterated while the loop
	// ran (its firstiter hook), for shutdown_asyncgens
	asyncgens                    []vm.Value
	asyncgensShutdown            bool
	firstIterHook, finalizerHook vm.Value // made on first run (hooks)
	ready                        readyQueue
	timers                       timerHeap
	cancelledTimers              int
	poller                       *poll.Poller
	pollErr                      error
	running                      bool
	stopping                     bool
	closed                       bool
	debug                        bool
	slowCallback                 float64
	excHandler                   vm.Value
	current                      *Task
	turn                         uint64

	tsMu      sync.Mutex
	tsQueue   []*Handle
	tsPending atomic.Bool

	readers, writers map[int]*Handle

	tasks       taskSet   // registered tasks not yet done
	unretrieved []*Future // futures whose exception may never be retrieved
}

// Type implements vm.Object.
func (l *Loop) Type() *vm.Type { return LoopType }

func newLoop(st *state) *Loop {
	l := &Loop{st: st, slowCallback: 0.1, debug: st.debugEnv}
	return l
}

func (l *Loop) ensurePoller() error {
	if l.poller != nil {
		return nil
	}
	if l.pollErr != nil {
		return l.pollErr
	}
	p, err := poll.New()
	if err != nil {
		l.pollErr = vm.Errorf(vm.OSErrorType, "%v", err)
		return l.pollErr
	}
	l.poller = p
	return nil
}

func (l *Loop) checkClosed() error {
	if l.closed {
		return vm.Errorf(vm.RuntimeErrorType, "Event loop is closed")
	}
	return nil
}

func (l *Loop) time() float64 { return monotonic() }

// callSoon queues a Handle.
func (l *Loop) callSoon(h *Handle) {
	l.ready.Push(handleItem(h))
}

// callAt schedules a timer.
func (l *Loop) callAt(th *TimerHandle) {
	l.timers.Push(th)
}

// timerCancelled notes a cancelled timer still in the heap.
func (l *Loop) timerCancelled(th *TimerHandle) {
	if th.scheduled {
		l.cancelledTimers++
	}
}

// callSoonThreadsafe queues h from any goroutine and wakes the loop.
func (l *Loop) callSoonThreadsafe(h *Handle) error {
	l.tsMu.Lock()
	l.tsQueue = append(l.tsQueue, h)
	l.tsMu.Unlock()
	l.tsPending.Store(true)
	if err := l.ensurePoller(); err != nil {
		return err
	}
	if err := l.poller.Wake(); err != nil {
		return vm.Errorf(vm.OSErrorType, "%v", err)
	}
	return nil
}

func (l *Loop) drainThreadsafe() {
	if !l.tsPending.Load() {
		return
	}
	l.tsMu.Lock()
	q := l.tsQueue
	l.tsQueue = nil
	l.tsPending.Store(false)
	l.tsMu.Unlock()
	for _, h := range q {
		l.callSoon(h)
	}
}

// runOnce is one iteration of the loop (CPython's _run_once).
func (l *Loop) runOnce(t *vm.Thread) error {
	n := l.timers.Len()
	if n > minScheduledTimers && float64(l.cancelledTimers)/float64(n) > minCancelledTimerFraction {
		l.timers.Purge()
		l.cancelledTimers = 0
	} else {
		for th := l.timers.Peek(); th != nil && th.cancelled; th = l.timers.Peek() {
			l.timers.Pop()
			l.cancelledTimers--
		}
	}
	l.drainThreadsafe()

	l.turn++
	registered := l.poller != nil && l.poller.Registered() > 0
	timeout := -1.0 // block
	if l.ready.Len() > 0 || l.stopping {
		timeout = 0
	} else if th := l.timers.Peek(); th != nil {
		timeout = math.Min(math.Max(th.when-l.time(), 0), maxSelectTimeout)
	}
	// while work is ready, skip the poll syscall unless fds are watched
	// (or every pollEvery turns, to pick up wake-ups)
	if timeout != 0 || registered || l.turn%pollEvery == 0 {
		if err := l.ensurePoller(); err != nil {
			return err
		}
		d := poll.Forever
		if timeout >= 0 {
			d = time.Duration(timeout * float64(time.Second))
		}
		var evs []poll.Event
		var err error
		if d != 0 {
			// other threads run while the loop waits
			released := t.ReleaseGIL()
			evs, err = l.poller.Wait(d)
			t.AcquireGIL(released)
		} else {
			evs, err = l.poller.Wait(d)
		}
		if err != nil {
			return vm.Errorf(vm.OSErrorType, "%v", err)
		}
		for _, ev := range evs {
			if ev.Readable || ev.Err {
				if h := l.readers[ev.Fd]; h != nil {
					if h.cancelled {
						l.removeFd(ev.Fd, true)
					} else {
						l.callSoon(h)
					}
				}
			}
			if ev.Writable || ev.Err {
				if h := l.writers[ev.Fd]; h != nil {
					if h.cancelled {
						l.removeFd(ev.Fd, false)
					} else {
						l.callSoon(h)
					}
				}
			}
		}
		l.drainThreadsafe()
	}

	end := l.time() + clockResolution
	for th := l.timers.Peek(); th != nil; th = l.timers.Peek() {
		if th.cancelled {
			l.timers.Pop()
			l.cancelledTimers--
			continue
		}
		if th.when >= end {
			break
		}
		l.timers.Pop()
		l.callSoon(&th.Handle)
	}

	ntodo := l.ready.Len()
	for i := 0; i < ntodo; i++ {
		it, _ := l.ready.Pop()
		var err error
		if l.debug {
			where := ""
			if tk := it.task(); tk != nil {
				if g := tk.gen; g != nil && g.Started() && !g.Done() {
					where = g.Filename() + ":" + itoa(g.SuspendedLine())
				}
			}
			start := l.time()
			err = l.runItem(t, it)
			if dt := l.time() - start; dt >= l.slowCallback {
				l.reportSlow(t, it, dt, where)
			}
		} else {
			err = l.runItem(t, it)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// runItem runs one ready item; only SystemExit and KeyboardInterrupt
// escape, other errors go to the exception handler.
func (l *Loop) runItem(t *vm.Thread, it item) error {
	var err error
	switch it.kind {
	case itemHandle:
		h := it.handle()
		if h.cancelled {
			return nil
		}
		err = h.run(t)
		if err != nil {
			return l.callbackError(t, err, func() *vm.Dict {
				ctx := vm.NewDict()
				ctx.SetStr(vm.Intern("message"), vm.StrValue("Exception in callback "+formatCallbackSource(t, h.fn, h.args)))
				ctx.SetStr(vm.Intern("handle"), h.value())
				return ctx
			})
		}
		return nil
	case itemStep:
		err = it.task().step(t, it.exc())
	case itemWakeup:
		err = it.task().wakeup(t, it.fut.value())
	case itemFutCall:
		_, err = t.Call(it.fn(), []vm.Value{it.fut.value()}, nil)
	}
	if err != nil {
		return l.callbackError(t, err, func() *vm.Dict {
			ctx := vm.NewDict()
			what := "Exception in callback "
			switch it.kind {
			case itemStep:
				what += "Task.__step()"
			case itemWakeup:
				what += "Task.task_wakeup()"
			default:
				what += formatCallbackSource(t, it.fn(), []vm.Value{it.fut.value()})
			}
			ctx.SetStr(vm.Intern("message"), vm.StrValue(what))
			return ctx
		})
	}
	return nil
}

// callbackError passes err to the exception handler, unless it is
// SystemExit or KeyboardInterrupt, which stop the loop.
func (l *Loop) callbackError(t *vm.Thread, err error, ctx func() *vm.Dict) error {
	e := toException(err)
	if e.Class().IsSubtype(vm.SystemExitType) || e.Class().IsSubtype(vm.KeyboardInterruptType) {
		return e
	}
	c := ctx()
	c.SetStr(vm.Intern("exception"), vm.Obj(e))
	return l.callExceptionHandler(t, c)
}

// reportSlow logs a callback that held the loop too long (debug mode).
func (l *Loop) reportSlow(t *vm.Thread, it item, dt float64, where string) {
	var what string
	switch it.kind {
	case itemHandle:
		what = it.handle().repr(t)
	case itemStep, itemWakeup:
		what = it.task().repr(t)
		if where != "" {
			what += " (resumed at " + where + ")"
		}
	default:
		what = "<Handle " + formatCallbackSource(t, it.fn(), []vm.Value{it.fut.value()}) + ">"
	}
	t.Interp().WriteStderr("Executing " + what + " took " + formatSeconds(dt) + " seconds\n")
}

// runForever runs until stop() is called.
func (l *Loop) runForever(t *vm.Thread) error {
	if err := l.checkClosed(); err != nil {
		return err
	}
	if l.running {
		return vm.Errorf(vm.RuntimeErrorType, "This event loop is already running")
	}
	if ts(t).running != nil {
		return vm.Errorf(vm.RuntimeErrorType, "Cannot run the event loop while another loop is running")
	}
	l.running = true
	ts(t).running = l
	// while it runs, the loop keeps track of async generators and closes
	// abandoned ones (sys.set_asyncgen_hooks, as CPython's loop does)
	oldFirst, oldFin := t.AsyncGenHooks()
	t.SetAsyncGenHooks(l.hooks())
	defer func() {
		l.stopping = false
		l.running = false
		ts(t).running = nil
		t.SetAsyncGenHooks(oldFirst, oldFin)
	}()
	for {
		if err := l.runOnce(t); err != nil {
			return err
		}
		if l.stopping {
			return nil
		}
	}
}

// close closes the loop: pending callbacks are dropped, unretrieved
// exceptions and pending tasks reported.
func (l *Loop) close(t *vm.Thread) error {
	if l.running {
		return vm.Errorf(vm.RuntimeErrorType, "Cannot close a running event loop")
	}
	if l.closed {
		return nil
	}
	l.closed = true
	l.ready.Clear()
	l.timers = timerHeap{}
	l.cancelledTimers = 0
	if err := l.reportLeftovers(t); err != nil {
		return err
	}
	if l.poller != nil {
		l.poller.Close()
		l.poller = nil
	}
	if fn := l.st.closeDefaultExecutor; !fn.IsNull() && t != nil {
		if _, err := t.Call(fn, []vm.Value{vm.Obj(l)}, nil); err != nil {
			return err
		}
	}
	return nil
}

// reportLeftovers reports, as CPython's finalizers would, exceptions
// never retrieved and tasks destroyed while pending.
func (l *Loop) reportLeftovers(t *vm.Thread) error {
	for _, f := range l.unretrieved {
		if !f.logTB() {
			continue
		}
		f.flags &^= flagLogTB
		ctx := vm.NewDict()
		kind, key := "Future", "future"
		if f.asTask() != nil {
			kind = "Task"
		}
		ctx.SetStr(vm.Intern("message"), vm.StrValue(kind+" exception was never retrieved"))
		ctx.SetStr(vm.Intern("exception"), vm.Obj(f.exception()))
		ctx.SetStr(vm.Intern(key), f.value())
		if err := l.callExceptionHandler(t, ctx); err != nil {
			return err
		}
	}
	l.unretrieved = nil
	for _, tk := range l.tasks.all() {
		if tk.done() {
			continue
		}
		ctx := vm.NewDict()
		ctx.SetStr(vm.Intern("task"), tk.value())
		ctx.SetStr(vm.Intern("message"), vm.StrValue("Task was destroyed but it is pending!"))
		if err := l.callExceptionHandler(t, ctx); err != nil {
			return err
		}
	}
	l.tasks = taskSet{}
	return nil
}

// callExceptionHandler is loop.call_exception_handler(context).
func (l *Loop) callExceptionHandler(t *vm.Thread, ctx *vm.Dict) error {
	if l.excHandler.IsNull() || l.excHandler.IsNone() {
		return l.defaultExceptionHandler(t, ctx)
	}
	_, err := t.Call(l.excHandler, []vm.Value{vm.Obj(l), vm.Obj(ctx)}, nil)
	if err != nil {
		e := toException(err)
		if e.Class().IsSubtype(vm.SystemExitType) || e.Class().IsSubtype(vm.KeyboardInterruptType) {
			return e
		}
		// as CPython: report the handler's failure with the default handler
		c2 := vm.NewDict()
		c2.SetStr(vm.Intern("message"), vm.StrValue("Unhandled error in exception handler"))
		c2.SetStr(vm.Intern("exception"), vm.Obj(e))
		c2.SetStr(vm.Intern("context"), vm.Obj(ctx))
		return l.defaultExceptionHandler(t, c2)
	}
	return nil
}

// defaultExceptionHandler logs the context to stderr as CPython's
// default_exception_handler (through logging's last-resort handler) does.
func (l *Loop) defaultExceptionHandler(t *vm.Thread, ctx *vm.Dict) error {
	msg := "Unhandled exception in event loop"
	if m, ok := ctx.GetStr(vm.Intern("message")); ok {
		if s, err := t.Str(m); err == nil && s != "" {
			msg = s
		}
	}
	out := msg
	keys := ctx.Keys()
	var names []string
	for _, k := range keys {
		if s, ok := k.AsStr(); ok {
			names = append(names, s.String())
		}
	}
	sortStrings(names)
	for _, k := range names {
		if k == "message" || k == "exception" {
			continue
		}
		v, _ := ctx.GetStr(vm.Intern(k))
		r, err := reprOf(t, v)
		if err != nil {
			return err
		}
		out += "\n" + k + ": " + r
	}
	out += "\n"
	if ev, ok := ctx.GetStr(vm.Intern("exception")); ok {
		if e, ok := ev.Object().(*vm.Exception); ok {
			out += t.Traceback(e)
		}
	}
	t.Interp().WriteStderr(out)
	return nil
}

// addFd registers a reader (or writer) callback for fd.
func (l *Loop) addFd(fd int, h *Handle, read bool) error {
	if err := l.checkClosed(); err != nil {
		return err
	}
	if err := l.ensurePoller(); err != nil {
		return err
	}
	if l.readers == nil {
		l.readers = map[int]*Handle{}
		l.writers = map[int]*Handle{}
	}
	if read {
		if old := l.readers[fd]; old != nil {
			old.cancelled = true
		}
		l.readers[fd] = h
	} else {
		if old := l.writers[fd]; old != nil {
			old.cancelled = true
		}
		l.writers[fd] = h
	}
	if err := l.poller.Modify(fd, l.readers[fd] != nil, l.writers[fd] != nil); err != nil {
		return vm.Errorf(vm.OSErrorType, "%v", err)
	}
	return nil
}

// removeFd unregisters fd's reader (or writer); it reports whether one
// was registered.
func (l *Loop) removeFd(fd int, read bool) bool {
	m := l.writers
	if read {
		m = l.readers
	}
	h := m[fd]
	if h == nil {
		return false
	}
	h.cancelled = true
	delete(m, fd)
	if l.poller != nil {
		if err := l.poller.Modify(fd, l.readers[fd] != nil, l.writers[fd] != nil); err != nil {
			os.Stderr.WriteString("asyncio: " + err.Error() + "\n")
		}
	}
	return true
}

// hooks are the loop's async generator hooks: firstiter records the
// generator for shutdown_asyncgens; the finalizer schedules aclose() for
// one abandoned unfinished.
func (l *Loop) hooks() (firstiter, finalizer vm.Value) {
	if l.firstIterHook.IsNull() {
		l.firstIterHook = vm.Obj(vm.NewBuiltin("_asyncgen_firstiter_hook", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			if len(args) != 1 {
				return vm.Null, vm.Errorf(vm.TypeErrorType, "_asyncgen_firstiter_hook takes one argument")
			}
			if len(l.asyncgens) >= 64 && len(l.asyncgens) == cap(l.asyncgens) {
				// drop finished ones before growing (there is no weak set)
				live := l.asyncgens[:0]
				for _, a := range l.asyncgens {
					if g, ok := vm.AsGenerator(a); !ok || !g.Done() {
						live = append(live, a)
					}
				}
				clear(l.asyncgens[len(live):])
				l.asyncgens = live
			}
			l.asyncgens = append(l.asyncgens, args[0])
			return vm.None, nil
		}))
		l.finalizerHook = vm.Obj(vm.NewBuiltin("_asyncgen_finalizer_hook", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			if len(args) != 1 {
				return vm.Null, vm.Errorf(vm.TypeErrorType, "_asyncgen_finalizer_hook takes one argument")
			}
			for i, a := range l.asyncgens {
				if a.Is(args[0]) {
					l.asyncgens = append(l.asyncgens[:i], l.asyncgens[i+1:]...)
					break
				}
			}
			if l.closed {
				return vm.None, nil
			}
			// call_soon_threadsafe(create_task, agen.aclose()), as CPython
			aclose, err := t.CallMethod(args[0], "aclose", nil, nil)
			if err != nil {
				return vm.Null, err
			}
			create, err := t.GetAttr(vm.Obj(l), vm.Intern("create_task"))
			if err != nil {
				return vm.Null, err
			}
			l.callSoon(&Handle{loop: l, fn: create, args: []vm.Value{aclose}})
			return vm.None, nil
		}))
	}
	return l.firstIterHook, l.finalizerHook
}
