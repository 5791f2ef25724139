// Package poll is the event loop's I/O poller: it waits for file
// descriptors to become readable or writable, or for a timeout, and can be
// woken early from any goroutine. On Linux it is epoll plus an eventfd
// (poll_linux.go); elsewhere a portable fallback that supports wake-ups
// and timeouts only (poll_other.go).
//
// A Poller is used by one goroutine (the loop's); only Wake may be called
// from others. Wake-ups are coalesced: many Wakes before the next Wait
// cost one write to the eventfd.
package poll

import "time"

// Event is readiness reported for one registered file descriptor.
type Event struct {
	Fd       int
	Readable bool
	Writable bool
	// Err is set for error or hang-up conditions (EPOLLERR, EPOLLHUP); the
	// owner should treat the fd as readable and writable so its callbacks
	// observe the condition.
	Err bool
}

// Forever, passed as Wait's timeout, blocks until an event or a wake-up.
const Forever time.Duration = -1
