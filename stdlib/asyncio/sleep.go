// sleep.go implements asyncio.sleep natively: the awaitable it returns
// is a small Go coroutine, so `await asyncio.sleep(0)` costs one object
// and a bare yield, and a timed sleep one Future and one TimerHandle.

package asyncio

import (
	"math"

	"yflow/vm"
)

// sleepCoro is the coroutine asyncio.sleep(delay, result) returns.
type sleepCoro struct {
	st     *state
	delay  float64
	result vm.Value
	state  uint8 // 0 new, 1 waiting on fut, 2 after a bare yield, 3 done
	fut    *Future
	timer  *TimerHandle
}

// Type implements vm.Object.
func (*sleepCoro) Type() *vm.Type { return sleepType }

// StepYieldFrom implements vm.YieldFromStepper (and drives tasks whose
// coroutine is a sleep).
func (s *sleepCoro) StepYieldFrom(t *vm.Thread, v vm.Value, exc *vm.Exception) (vm.Value, bool, error) {
	switch s.state {
	case 0:
		if exc != nil {
			s.state = 3
			return vm.Null, true, exc
		}
		if !(s.delay > 0) || math.IsNaN(s.delay) {
			s.state = 2
			return vm.None, false, nil
		}
		l := ts(t).running
		if l == nil {
			s.state = 3
			return vm.Null, true, vm.Errorf(vm.RuntimeErrorType, "no running event loop")
		}
		fut := newFuture(l)
		th := newTimer(l, l.time()+s.delay, vm.Null, nil)
		th.setFut, th.setVal = fut, s.result
		l.callAt(th)
		s.fut, s.timer, s.state = fut, th, 1
		fut.flags |= flagBlocking
		return fut.value(), false, nil
	case 1:
		s.state = 3
		s.timer.cancel()
		if exc != nil {
			return vm.Null, true, exc
		}
		if !s.fut.done() {
			return vm.Null, true, vm.Errorf(vm.RuntimeErrorType, "await wasn't used with future")
		}
		r, err := s.fut.getResult()
		return r, true, err
	case 2:
		s.state = 3
		if exc != nil {
			return vm.Null, true, exc
		}
		return s.result, true, nil
	}
	if exc != nil {
		return vm.Null, true, exc
	}
	return vm.Null, true, vm.Errorf(vm.RuntimeErrorType, "cannot reuse already awaited coroutine")
}

func (s *sleepCoro) close() {
	if s.state == 1 {
		s.timer.cancel()
	}
	s.state = 3
}
