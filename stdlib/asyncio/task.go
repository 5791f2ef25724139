// task.go implements asyncio.Task natively: a Future that drives a
// coroutine (an `async def` coroutine, a generator-based coroutine or a
// plain generator) one step at a time, as CPython's Task.__step and
// __wakeup do: a yielded pending Future gets the task's wake-up as a done
// callback, a bare yield reschedules the step, cancellation throws
// CancelledError at the suspension point.

package asyncio

import (
	"fmt"
	"math"
	"strings"

	"yflow/vm"
)

// Task is asyncio.Task. As for Future, what a task parked on a native
// future needs is inline and the rest (a given name, a coroutine that is
// not a generator, a foreign _fut_waiter) is in the Future's futureExtra.
// Future must stay the first field (see asTask).
type Task struct {
	Future
	gen    *vm.Generator // the coroutine; nil when it is x.coro
	waiter *Future       // _fut_waiter when native; else x.waiter or none
	// nameID makes the default name "Task-<nameID>"; 0 when the counter
	// outgrew it and x.name was made at creation.
	nameID     uint32
	idx        int32 // index in loop.tasks, -1 when not registered
	numCancels int32 // cancelling()
}

// Type implements vm.Object.
func (tk *Task) Type() *vm.Type { return TaskType }

func (tk *Task) value() vm.Value { return vm.Obj(tk) }

// coro is the coroutine the task drives.
func (tk *Task) coro() vm.Value {
	if tk.gen != nil {
		return vm.Obj(tk.gen)
	}
	return tk.x.coro
}

// waiterValue is _fut_waiter, NULL when none.
func (tk *Task) waiterValue() vm.Value {
	if tk.waiter != nil {
		return tk.waiter.value()
	}
	if tk.x != nil {
		return tk.x.waiter
	}
	return vm.Null
}

func (tk *Task) mustCancel() bool { return tk.flags&flagMustCancel != 0 }

// isCoroutine reports whether a Task may drive v.
func isCoroutine(v vm.Value) bool {
	switch v.Object().(type) {
	case *vm.Generator, *sleepCoro:
		return true
	}
	return vm.IsAsyncGenAwaitable(v)
}

// newTask makes a task for coro and schedules its first step.
func (l *Loop) newTask(t *vm.Thread, coro vm.Value, name vm.Value) (*Task, error) {
	if !isCoroutine(coro) {
		r, err := reprOf(t, coro)
		if err != nil {
			return nil, err
		}
		return nil, vm.Errorf(vm.TypeErrorType, "a coroutine was expected, got %s", r)
	}
	if err := l.checkClosed(); err != nil {
		return nil, err
	}
	tk := &Task{idx: -1}
	tk.loop = l
	tk.flags = flagTask
	if g, ok := vm.AsGenerator(coro); ok {
		tk.gen = g
	} else {
		tk.ext().coro = coro
	}
	l.st.taskCounter++
	if l.st.taskCounter <= math.MaxUint32 {
		tk.nameID = uint32(l.st.taskCounter)
	} else {
		tk.ext().name = vm.StrValue("Task-" + itoa(l.st.taskCounter))
	}
	if !name.IsNull() && !name.IsNone() {
		s, err := t.StrValueOf(name)
		if err != nil {
			return nil, err
		}
		tk.ext().name = s
	}
	l.ready.Push(stepItem(tk, nil))
	l.tasks.add(tk)
	return tk, nil
}

func (tk *Task) getName() vm.Value {
	x := tk.ext()
	if x.name.IsNull() {
		x.name = vm.StrValue("Task-" + itoa(int(tk.nameID)))
	}
	return x.name
}

// cancel is Task.cancel.
func (tk *Task) cancel(msg vm.Value) bool {
	tk.flags &^= flagLogTB
	if tk.done() {
		return false
	}
	tk.numCancels++
	if w := tk.waiterValue(); !w.IsNull() {
		ok, err := cancelValue(tk.loop.st.thread, w, msg)
		if err == nil && ok {
			return true
		}
	}
	tk.flags |= flagMustCancel
	tk.setCancelMsg(msg)
	return true
}

func isCancelledError(e *vm.Exception) bool {
	return e != nil && e.Class().IsSubtype(CancelledErrorType)
}

// step is Task.__step: resume the coroutine with None or exc.
func (tk *Task) step(t *vm.Thread, exc *vm.Exception) error {
	if tk.done() {
		r, _ := reprOf(t, tk.value())
		return vm.Errorf(InvalidStateErrorType, "_step(): already done: %s, %v", r, exc)
	}
	if tk.mustCancel() {
		if !isCancelledError(exc) {
			exc = tk.makeCancelledError()
		}
		tk.flags &^= flagMustCancel
	}
	tk.waiter = nil
	if tk.x != nil {
		tk.x.waiter = vm.Null
	}
	l := tk.loop
	if l.current != nil {
		return vm.Errorf(vm.RuntimeErrorType, "Cannot enter into task %s while another task %s is being executed.", tk.repr(t), l.current.repr(t))
	}
	l.current = tk
	res, done, err := t.Resume(tk.coro(), vm.None, exc)
	l.current = nil
	if err != nil {
		e := toException(err)
		switch {
		case isCancelledError(e):
			tk.ext().cancelledExc = e
			tk.cancelFuture(vm.Null)
		case e.Class().IsSubtype(vm.KeyboardInterruptType) || e.Class().IsSubtype(vm.SystemExitType):
			tk.setException(t, e)
			return e
		default:
			tk.setException(t, e)
		}
		return nil
	}
	if done {
		if tk.mustCancel() {
			tk.flags &^= flagMustCancel
			tk.cancelFuture(tk.cancelMsg())
		} else {
			tk.setResult(t, res)
		}
		return nil
	}
	var f *Future
	switch o := res.Object().(type) {
	case *Future:
		f = o
	case *Task:
		f = &o.Future
	default:
		if res.IsNone() {
			l.ready.Push(stepItem(tk, nil))
			return nil
		}
		return tk.foreignYield(t, res)
	}
	switch {
	case f.loop != l:
		return tk.stepLater(t, "Task %s got Future %s attached to a different loop", res)
	case !f.blocking():
		return tk.stepLater(t, "yield was used instead of yield from in task %s with %s", res)
	case f == &tk.Future:
		return tk.stepLater(t, "Task cannot await on itself: %s", vm.Null)
	}
	f.flags &^= flagBlocking
	f.addCallback(callback{task: tk})
	tk.waiter = f
	if tk.mustCancel() {
		if ok, err := cancelValue(t, res, tk.cancelMsg()); err == nil && ok {
			tk.flags &^= flagMustCancel
		}
	}
	return nil
}

// stepLater schedules a step that throws a RuntimeError (a bad yield).
func (tk *Task) stepLater(t *vm.Thread, format string, res vm.Value) error {
	var msg string
	if res.IsNull() {
		msg = fmt.Sprintf(format, tk.repr(t))
	} else {
		r, err := reprOf(t, res)
		if err != nil {
			return err
		}
		if strings.Count(format, "%s") == 1 {
			msg = fmt.Sprintf(format, r)
		} else {
			msg = fmt.Sprintf(format, tk.repr(t), r)
		}
	}
	tk.loop.ready.Push(stepItem(tk, vm.Errorf(vm.RuntimeErrorType, "%s", msg)))
	return nil
}

// foreignYield handles a yielded object that is not a native Future: a
// Python-level future (_asyncio_future_blocking) or a bad yield.
func (tk *Task) foreignYield(t *vm.Thread, res vm.Value) error {
	blocking, err := t.GetAttr(res, vm.Intern("_asyncio_future_blocking"))
	if err == nil && !blocking.IsNone() {
		b, err := t.Truth(blocking)
		if err != nil {
			return err
		}
		if !b {
			return tk.stepLater(t, "yield was used instead of yield from in task %s with %s", res)
		}
		if err := t.SetAttr(res, vm.Intern("_asyncio_future_blocking"), vm.False); err != nil {
			return err
		}
		wake := vm.NewBuiltin("task_wakeup", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			if len(args) != 1 {
				return vm.Null, vm.Errorf(vm.TypeErrorType, "task_wakeup() takes exactly one argument")
			}
			return vm.None, tk.wakeup(t, args[0])
		})
		if _, err := t.CallMethod(res, "add_done_callback", []vm.Value{vm.Obj(wake)}, nil); err != nil {
			return err
		}
		tk.ext().waiter = res
		if tk.mustCancel() {
			if ok, err := cancelValue(t, res, tk.cancelMsg()); err == nil && ok {
				tk.flags &^= flagMustCancel
			}
		}
		return nil
	}
	if _, ok := vm.AsGenerator(res); ok {
		return tk.stepLater(t, "yield was used instead of yield from for generator in task %s with %s", res)
	}
	return tk.stepLater(t, "Task got bad yield: %s", res)
}

// wakeup is Task.__wakeup: step with the awaited future's outcome.
func (tk *Task) wakeup(t *vm.Thread, fut vm.Value) error {
	var exc *vm.Exception
	if f := futureOf(fut); f != nil {
		if _, err := f.getResult(); err != nil {
			exc = toException(err)
		}
	} else if _, err := t.CallMethod(fut, "result", nil, nil); err != nil {
		exc = toException(err)
	}
	return tk.step(t, exc)
}

// coroRepr is CPython's _format_coroutine.
func coroRepr(coro vm.Value) string {
	g, ok := vm.AsGenerator(coro)
	if !ok {
		if _, ok := coro.Object().(*sleepCoro); ok {
			return "sleep()"
		}
		return coro.Type().Name + "()"
	}
	name := g.Name() + "()"
	if g.Done() {
		return fmt.Sprintf("%s done, defined at %s:%d", name, g.Filename(), g.FirstLine())
	}
	line := g.SuspendedLine()
	if !g.Started() || line <= 0 {
		line = g.FirstLine()
	}
	return fmt.Sprintf("%s running at %s:%d", name, g.Filename(), line)
}

func (tk *Task) repr(t *vm.Thread) string {
	info := tk.reprInfo(t)
	if tk.numCancels > 0 && !tk.done() {
		info[0] = "cancelling"
	}
	nr, _ := reprOf(t, tk.getName())
	extra := []string{"name=" + nr, "coro=<" + coroRepr(tk.coro()) + ">"}
	if w := tk.waiterValue(); !w.IsNull() {
		wr, _ := reprOf(t, w)
		extra = append(extra, "wait_for="+wr)
	}
	info = append(info[:1], append(extra, info[1:]...)...)
	return "<Task " + strings.Join(info, " ") + ">"
}
