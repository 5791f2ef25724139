// future.go implements asyncio.Future as a native Go object: its states,
// result and exception, done callbacks (always scheduled through the
// loop's ready queue, never run inline), cancellation, and the iterator
// that `await fut` / `yield from fut` drive, which returns a done
// future's result at once without a trip through the event loop.

package asyncio

import (
	"strings"
	"unsafe"

	"yflow/vm"
)

// Future states.
const (
	statePending uint8 = iota
	stateCancelled
	stateFinished
)

var stateNames = [...]string{"PENDING", "CANCELLED", "FINISHED"}

// Future flags.
const (
	flagBlocking   uint8 = 1 << iota // _asyncio_future_blocking
	flagLogTB                        // an exception nobody has retrieved yet
	flagTracked                      // on the loop's list of possibly unretrieved exceptions
	flagExc                          // finished with an exception, held in result
	flagTask                         // the first field of a Task (see asTask)
	flagMustCancel                   // Task: _must_cancel
)

// callback is a done callback: a task to wake up, or a Python callable.
type callback struct {
	task *Task
	fn   vm.Value
}

// Future is asyncio.Future (and the base of Task). A program may hold a
// great many of them pending at once (every parked task has one, and is
// one), so only what a future awaited by one task needs is inline; the
// rest lives in a futureExtra made on first use.
type Future struct {
	loop *Loop
	// result is the result, or with flagExc the *vm.Exception. While the
	// future is pending, and so has no result, it holds instead the task
	// whose wake-up is the first done callback (see wake), if any: the
	// one callback of a future a task awaits.
	result vm.Value
	x      *futureExtra
	state  uint8
	flags  uint8
}

// futureExtra is the rarely used state of a Future or Task.
type futureExtra struct {
	cbs          []callback    // done callbacks after wake(), in order of addition
	cancelMsg    vm.Value      // NULL when none (see cancelMsg)
	cancelledExc *vm.Exception // the CancelledError that ended a task
	// cancelHook, when set (gather's outer future), replaces cancel():
	// it is called with the message and returns whether it cancelled.
	cancelHook vm.Value

	// Task only.
	name   vm.Value // NULL: "Task-<nameID>"
	coro   vm.Value // the coroutine when it is not a *vm.Generator
	waiter vm.Value // _fut_waiter when it is not a native future
}

// Type implements vm.Object.
func (f *Future) Type() *vm.Type { return FutureType }

// ext returns f's extra state, making it on first use.
func (f *Future) ext() *futureExtra {
	if f.x == nil {
		f.x = &futureExtra{}
	}
	return f.x
}

// asTask returns the Task f is the Future part of, or nil for a plain
// Future. Task embeds Future as its first field (checked at compile time
// below and by TestLayout), so a *Future flagged flagTask points to
// the start of a Task allocation and converts back to it; this spares
// every future a 16-byte back-reference to the object it is part of.
func (f *Future) asTask() *Task {
	if f.flags&flagTask == 0 {
		return nil
	}
	return (*Task)(unsafe.Pointer(f))
}

// Compile-time check that Future is at offset 0 of Task (a non-zero
// offset makes the negated constant overflow uintptr).
const _ = -unsafe.Offsetof(Task{}.Future)

func (f *Future) value() vm.Value {
	if tk := f.asTask(); tk != nil {
		return vm.Obj(tk)
	}
	return vm.Obj(f)
}

// futureOf returns the Future part of a Future or Task value.
func futureOf(v vm.Value) *Future {
	switch o := v.Object().(type) {
	case *Future:
		return o
	case *Task:
		return &o.Future
	}
	return nil
}

func newFuture(loop *Loop) *Future {
	return &Future{loop: loop}
}

func (f *Future) done() bool { return f.state != statePending }

func (f *Future) setFlag(flag uint8, on bool) {
	if on {
		f.flags |= flag
	} else {
		f.flags &^= flag
	}
}

func (f *Future) blocking() bool { return f.flags&flagBlocking != 0 }

func (f *Future) logTB() bool { return f.flags&flagLogTB != 0 }

// exception is the exception f finished with, or nil.
func (f *Future) exception() *vm.Exception {
	if f.flags&flagExc == 0 {
		return nil
	}
	return f.result.Object().(*vm.Exception)
}

// cancelMsg is the message f was (or is to be) cancelled with, None
// when there is none.
func (f *Future) cancelMsg() vm.Value {
	if f.x == nil || f.x.cancelMsg.IsNull() {
		return vm.None
	}
	return f.x.cancelMsg
}

// setCancelMsg records a cancel message; no message (NULL or None) needs
// no extra state.
func (f *Future) setCancelMsg(msg vm.Value) {
	if msg.IsNull() || msg.IsNone() {
		if f.x != nil {
			f.x.cancelMsg = vm.Null
		}
		return
	}
	f.ext().cancelMsg = msg
}

// wake is the task whose wake-up is f's first done callback, if any.
func (f *Future) wake() *Task {
	if f.state != statePending {
		return nil
	}
	tk, _ := f.result.Object().(*Task)
	return tk
}

func (f *Future) hasCallbacks() bool { return f.wake() != nil || f.x != nil && len(f.x.cbs) > 0 }

// callbacks returns every done callback in order of addition.
func (f *Future) callbacks() []callback {
	var all []callback
	if tk := f.wake(); tk != nil {
		all = append(all, callback{task: tk})
	}
	if f.x != nil {
		all = append(all, f.x.cbs...)
	}
	return all
}

// setCallbacks replaces the done callbacks of a pending future, keeping
// their order. (A done future has none: they were scheduled.)
func (f *Future) setCallbacks(cbs []callback) {
	if f.state != statePending {
		return
	}
	f.result = vm.Null
	if len(cbs) > 0 && cbs[0].task != nil {
		f.result = vm.Obj(cbs[0].task)
		cbs = cbs[1:]
	}
	if len(cbs) > 0 {
		f.ext().cbs = append([]callback(nil), cbs...)
	} else if f.x != nil {
		f.x.cbs = nil
	}
}

func (f *Future) addCallback(cb callback) {
	if f.state != statePending {
		if cb.task != nil {
			f.loop.ready.Push(wakeupItem(cb.task, f))
			return
		}
		fn := new(vm.Value)
		*fn = cb.fn
		f.loop.ready.Push(futCallItem(fn, f))
		return
	}
	if cb.task != nil && !f.hasCallbacks() {
		f.result = vm.Obj(cb.task)
		return
	}
	x := f.ext()
	x.cbs = append(x.cbs, cb)
}

// invalidState is set_result/set_exception on a done future: the message
// of CPython's C Future ("invalid state"; the pure-Python one names the
// state).
func (f *Future) invalidState(t *vm.Thread) error {
	return vm.Errorf(InvalidStateErrorType, "invalid state")
}

// setResult is set_result.
func (f *Future) setResult(t *vm.Thread, v vm.Value) error {
	if f.state != statePending {
		return f.invalidState(t)
	}
	f.finish(stateFinished, v)
	return nil
}

// setException is set_exception with an exception instance.
func (f *Future) setException(t *vm.Thread, e *vm.Exception) error {
	if f.state != statePending {
		return f.invalidState(t)
	}
	f.flags |= flagExc | flagLogTB
	if f.flags&flagTracked == 0 {
		f.flags |= flagTracked
		f.loop.unretrieved = append(f.loop.unretrieved, f)
	}
	f.finish(stateFinished, vm.Obj(e))
	return nil
}

// finish moves a pending f to its final state and result, and queues
// every done callback, in order of addition.
func (f *Future) finish(state uint8, result vm.Value) {
	wake := f.wake()
	f.state, f.result = state, result
	if tk := f.asTask(); tk != nil {
		tk.loop.tasks.remove(tk)
	}
	if wake != nil {
		f.loop.ready.Push(wakeupItem(wake, f))
	}
	if f.x == nil || len(f.x.cbs) == 0 {
		return
	}
	// the items point into cbs, which is dropped here and never reused
	cbs := f.x.cbs
	f.x.cbs = nil
	for i := range cbs {
		if cbs[i].task != nil {
			f.loop.ready.Push(wakeupItem(cbs[i].task, f))
		} else {
			f.loop.ready.Push(futCallItem(&cbs[i].fn, f))
		}
	}
}

// cancelFuture is Future.cancel (not Task.cancel).
func (f *Future) cancelFuture(msg vm.Value) bool {
	f.flags &^= flagLogTB
	if f.state != statePending {
		return false
	}
	f.setCancelMsg(msg)
	f.finish(stateCancelled, vm.Null)
	return true
}

// makeCancelledError is the CancelledError that result() raises.
func (f *Future) makeCancelledError() *vm.Exception {
	if f.x != nil && f.x.cancelledExc != nil {
		e := f.x.cancelledExc
		f.x.cancelledExc = nil
		return e
	}
	msg := f.cancelMsg()
	if msg.IsNone() {
		return vm.NewException(CancelledErrorType)
	}
	return vm.NewException(CancelledErrorType, msg)
}

// getResult is result(): the value, or the exception to raise.
func (f *Future) getResult() (vm.Value, error) {
	switch f.state {
	case stateCancelled:
		return vm.Null, f.makeCancelledError()
	case statePending:
		return vm.Null, vm.Errorf(InvalidStateErrorType, "Result is not set.")
	}
	f.flags &^= flagLogTB
	if e := f.exception(); e != nil {
		return vm.Null, e
	}
	return f.result, nil
}

// cancelValue cancels a future-like value (Task.cancel for tasks).
func cancelValue(t *vm.Thread, v vm.Value, msg vm.Value) (bool, error) {
	switch o := v.Object().(type) {
	case *Task:
		return o.cancel(msg), nil
	case *Future:
		if o.x == nil || o.x.cancelHook.IsNull() {
			return o.cancelFuture(msg), nil
		}
		r, err := t.Call(o.x.cancelHook, []vm.Value{msg}, nil)
		if err != nil {
			return false, err
		}
		return t.Truth(r)
	}
	var kw []*vm.Str
	var args []vm.Value
	if !msg.IsNull() && !msg.IsNone() {
		args = []vm.Value{msg}
		kw = []*vm.Str{vm.Intern("msg")}
	}
	r, err := t.CallMethod(v, "cancel", args, kw)
	if err != nil {
		return false, err
	}
	return t.Truth(r)
}

// futureIter is what Future.__await__ / __iter__ return.
type futureIter struct {
	fut     *Future
	yielded bool
}

// Type implements vm.Object.
func (*futureIter) Type() *vm.Type { return futureIterType }

// StepYieldFrom implements vm.YieldFromStepper: the first step yields the
// future itself while it is pending; once it is done the step returns its
// result (or raises its exception).
func (it *futureIter) StepYieldFrom(t *vm.Thread, v vm.Value, exc *vm.Exception) (vm.Value, bool, error) {
	if exc != nil {
		return vm.Null, true, exc
	}
	f := it.fut
	if f.state == statePending {
		if it.yielded {
			return vm.Null, true, vm.Errorf(vm.RuntimeErrorType, "await wasn't used with future")
		}
		it.yielded = true
		f.flags |= flagBlocking
		return f.value(), false, nil
	}
	r, err := f.getResult()
	if err != nil {
		return vm.Null, true, err
	}
	return r, true, nil
}

// formatCallbacks renders a future's callbacks as repr shows them.
func (f *Future) formatCallbacks(t *vm.Thread) string {
	var names []string
	for _, cb := range f.callbacks() {
		if cb.task != nil {
			names = append(names, "Task.task_wakeup()")
		} else {
			names = append(names, formatCallbackSource(t, cb.fn, nil))
		}
	}
	n := len(names)
	switch {
	case n == 0:
		return ""
	case n > 2:
		names = []string{names[0], "<" + itoa(n-2) + " more>", names[n-1]}
	}
	return "cb=[" + strings.Join(names, ", ") + "]"
}

// reprInfo is CPython's _future_repr_info.
func (f *Future) reprInfo(t *vm.Thread) []string {
	info := []string{strings.ToLower(stateNames[f.state])}
	if f.state == stateFinished {
		if e := f.exception(); e != nil {
			r, _ := reprOf(t, vm.Obj(e))
			info = append(info, "exception="+r)
		} else {
			r, _ := reprOf(t, f.result)
			if len(r) > 40 { // reprlib.repr's limit
				r = r[:18] + "..." + r[len(r)-19:]
			}
			info = append(info, "result="+r)
		}
	}
	if cb := f.formatCallbacks(t); cb != "" {
		info = append(info, cb)
	}
	return info
}

func (f *Future) repr(t *vm.Thread) string {
	return "<Future " + strings.Join(f.reprInfo(t), " ") + ">"
}
