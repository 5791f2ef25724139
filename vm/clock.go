// clock.go gives the monotonic clock shared by time.monotonic() and the
// asyncio event loop, so loop.time() and time.monotonic() agree as in
// CPython (both read CLOCK_MONOTONIC).

package vm

import (
	"time"

	"golang.org/x/sys/unix"
)

// clockBase is a reading of Go's monotonic clock taken together with
// clockBaseNs, CLOCK_MONOTONIC read by a system call. Later readings go
// through Go's clock (the vDSO, no system call: the event loop reads the
// time on every turn) and are reported on CLOCK_MONOTONIC's scale.
var clockBase, clockBaseNs = readClockBase()

func readClockBase() (time.Time, int64) {
	now := time.Now()
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_MONOTONIC, &ts); err != nil {
		return now, 1e9
	}
	return now, ts.Nano()
}

// MonotonicNs is CLOCK_MONOTONIC in nanoseconds.
func MonotonicNs() int64 {
	return clockBaseNs + int64(time.Since(clockBase))
}

// Monotonic is CLOCK_MONOTONIC in seconds.
func Monotonic() float64 { return float64(MonotonicNs()) / 1e9 }
