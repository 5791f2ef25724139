// future.go implements asyncio.Future as a native Go object: its states,
// result and exception, done callbacks (always scheduled through the
// loop's ready queue, never run inline), cancellation, and the iterator
// that `await fut` / `yield from fut` drive, which returns a done
// future's result at once without a trip through the event loop.

package asyncio

import (
	"strings"

	"yflow/vm"
)

// Future states.
const (
	statePending uint8 = iota
	stateCancelled
	stateFinished
)

var stateNames = [...]string{"PENDING", "CANCELLED", "FINISHED"}

// callback is a done callback: a task to wake up, or a Python callable.
type callback struct {
	task *Task
	fn   vm.Value
}

// Future is asyncio.Future (and the base of Task).
type Future struct {
	loop     *Loop
	state    uint8
	blocking bool // _asyncio_future_blocking
	logTB    bool // an exception nobody has retrieved yet
	// tracked marks a future on the loop's list of possibly unretrieved
	// exceptions.
	tracked      bool
	result       vm.Value
	exc          *vm.Exception
	cancelMsg    vm.Value // NULL when none
	cancelledExc *vm.Exception
	cb0          callback // the first callback, inline
	cbs          []callback
	self         vm.Object // the *Future or *Task this is part of
	// cancelHook, when set (gather's outer future), replaces cancel():
	// it is called with the message and returns whether it cancelled.
	cancelHook vm.Value
}

// Type implements vm.Object.
func (f *Future) Type() *vm.Type { return FutureType }

func (f *Future) value() vm.Value { return vm.Obj(f.self) }

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
	f := &Future{loop: loop}
	f.self = f
	return f
}

func (f *Future) done() bool { return f.state != statePending }

func (f *Future) hasCallbacks() bool { return f.cb0.task != nil || !f.cb0.fn.IsNull() }

func (f *Future) addCallback(cb callback) {
	if f.state != statePending {
		f.loop.scheduleCallback(cb, f)
		return
	}
	if !f.hasCallbacks() && len(f.cbs) == 0 {
		f.cb0 = cb
		return
	}
	f.cbs = append(f.cbs, cb)
}

// scheduleCallbacks queues every done callback, in order of addition.
func (f *Future) scheduleCallbacks() {
	if f.hasCallbacks() {
		f.loop.scheduleCallback(f.cb0, f)
		f.cb0 = callback{}
	}
	for _, cb := range f.cbs {
		f.loop.scheduleCallback(cb, f)
	}
	f.cbs = nil
}

func (f *Future) invalidState(t *vm.Thread) error {
	r, err := reprOf(t, f.value())
	if err != nil {
		return err
	}
	return vm.Errorf(InvalidStateErrorType, "%s: %s", stateNames[f.state], r)
}

// setResult is set_result.
func (f *Future) setResult(t *vm.Thread, v vm.Value) error {
	if f.state != statePending {
		return f.invalidState(t)
	}
	f.result = v
	f.state = stateFinished
	f.finish()
	return nil
}

// setException is set_exception with an exception instance.
func (f *Future) setException(t *vm.Thread, e *vm.Exception) error {
	if f.state != statePending {
		return f.invalidState(t)
	}
	f.exc = e
	f.state = stateFinished
	f.logTB = true
	if !f.tracked {
		f.tracked = true
		f.loop.unretrieved = append(f.loop.unretrieved, f)
	}
	f.finish()
	return nil
}

func (f *Future) finish() {
	if tk, ok := f.self.(*Task); ok {
		tk.loop.unregister(tk)
	}
	f.scheduleCallbacks()
}

// cancelFuture is Future.cancel (not Task.cancel).
func (f *Future) cancelFuture(msg vm.Value) bool {
	f.logTB = false
	if f.state != statePending {
		return false
	}
	f.state = stateCancelled
	f.cancelMsg = msg
	f.finish()
	return true
}

// makeCancelledError is the CancelledError that result() raises.
func (f *Future) makeCancelledError() *vm.Exception {
	if f.cancelledExc != nil {
		e := f.cancelledExc
		f.cancelledExc = nil
		return e
	}
	if f.cancelMsg.IsNull() || f.cancelMsg.IsNone() {
		return vm.NewException(CancelledErrorType)
	}
	return vm.NewException(CancelledErrorType, f.cancelMsg)
}

// getResult is result(): the value, or the exception to raise.
func (f *Future) getResult() (vm.Value, error) {
	switch f.state {
	case stateCancelled:
		return vm.Null, f.makeCancelledError()
	case statePending:
		return vm.Null, vm.Errorf(InvalidStateErrorType, "Result is not set.")
	}
	f.logTB = false
	if f.exc != nil {
		return vm.Null, f.exc
	}
	return f.result, nil
}

// cancelValue cancels a future-like value (Task.cancel for tasks).
func cancelValue(t *vm.Thread, v vm.Value, msg vm.Value) (bool, error) {
	switch o := v.Object().(type) {
	case *Task:
		return o.cancel(msg), nil
	case *Future:
		if o.cancelHook.IsNull() {
			return o.cancelFuture(msg), nil
		}
		r, err := t.Call(o.cancelHook, []vm.Value{msg}, nil)
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
		f.blocking = true
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
	add := func(cb callback) {
		if cb.task != nil {
			names = append(names, "Task.task_wakeup()")
			return
		}
		names = append(names, formatCallbackSource(t, cb.fn, nil))
	}
	if f.hasCallbacks() {
		add(f.cb0)
	}
	for _, cb := range f.cbs {
		add(cb)
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
		if f.exc != nil {
			r, _ := reprOf(t, vm.Obj(f.exc))
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
