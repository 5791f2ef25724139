//go:build linux

// poll_linux.go implements the poller with epoll and an eventfd.

package poll

import (
	"os"
	"sync/atomic"
	"time"

	"golang.org/x/sys/unix"
)

// Poller waits on an epoll set; an eventfd in the set carries wake-ups.
type Poller struct {
	epfd     int
	efd      int
	woken    atomic.Bool // a wake-up is pending (the eventfd was written)
	events   []unix.EpollEvent
	out      []Event
	interest map[int]uint32
	closed   bool
}

// New makes a poller.
func New() (*Poller, error) {
	epfd, err := unix.EpollCreate1(unix.EPOLL_CLOEXEC)
	if err != nil {
		return nil, os.NewSyscallError("epoll_create1", err)
	}
	efd, err := unix.Eventfd(0, unix.EFD_NONBLOCK|unix.EFD_CLOEXEC)
	if err != nil {
		unix.Close(epfd)
		return nil, os.NewSyscallError("eventfd", err)
	}
	ev := unix.EpollEvent{Events: unix.EPOLLIN, Fd: int32(efd)}
	if err := unix.EpollCtl(epfd, unix.EPOLL_CTL_ADD, efd, &ev); err != nil {
		unix.Close(efd)
		unix.Close(epfd)
		return nil, os.NewSyscallError("epoll_ctl", err)
	}
	return &Poller{epfd: epfd, efd: efd, events: make([]unix.EpollEvent, 64), interest: map[int]uint32{}}, nil
}

// Wake interrupts a Wait in progress (or makes the next one return at
// once). It is safe to call from any goroutine.
func (p *Poller) Wake() error {
	if !p.woken.CompareAndSwap(false, true) {
		return nil // already pending
	}
	var one = [8]byte{1}
	for {
		_, err := unix.Write(p.efd, one[:])
		if err == unix.EINTR {
			continue
		}
		if err == unix.EAGAIN {
			return nil // counter saturated: a wake-up is pending anyway
		}
		if err != nil {
			return os.NewSyscallError("write", err)
		}
		return nil
	}
}

// Modify sets the interest in fd: readable and/or writable; both false
// removes fd from the set.
func (p *Poller) Modify(fd int, readable, writable bool) error {
	var mask uint32
	if readable {
		mask |= unix.EPOLLIN
	}
	if writable {
		mask |= unix.EPOLLOUT
	}
	old, had := p.interest[fd]
	if had && old == mask {
		return nil
	}
	ev := unix.EpollEvent{Events: mask, Fd: int32(fd)}
	var err error
	switch {
	case mask == 0 && had:
		delete(p.interest, fd)
		err = unix.EpollCtl(p.epfd, unix.EPOLL_CTL_DEL, fd, nil)
		if err == unix.EBADF || err == unix.ENOENT {
			err = nil // closed already
		}
	case mask == 0:
		return nil
	case had:
		p.interest[fd] = mask
		err = unix.EpollCtl(p.epfd, unix.EPOLL_CTL_MOD, fd, &ev)
		if err == unix.ENOENT {
			// the fd was closed (which drops it from the epoll set) and
			// its number reused: register the new file
			err = unix.EpollCtl(p.epfd, unix.EPOLL_CTL_ADD, fd, &ev)
		}
		if err != nil {
			delete(p.interest, fd)
		}
	default:
		err = unix.EpollCtl(p.epfd, unix.EPOLL_CTL_ADD, fd, &ev)
		if err == unix.EEXIST {
			err = unix.EpollCtl(p.epfd, unix.EPOLL_CTL_MOD, fd, &ev)
		}
		if err == nil {
			p.interest[fd] = mask
		}
	}
	if err != nil {
		return os.NewSyscallError("epoll_ctl", err)
	}
	return nil
}

// Registered is the number of file descriptors with an interest.
func (p *Poller) Registered() int { return len(p.interest) }

// Wait blocks until a registered fd is ready, Wake is called, or timeout
// passes (Forever: no limit; 0: just look). It returns the ready fds; the
// slice is reused by the next Wait. An interrupted system call (EINTR)
// returns no events and no error.
func (p *Poller) Wait(timeout time.Duration) ([]Event, error) {
	ms := -1
	if timeout >= 0 {
		// round up so a timer is never woken for early
		ms = int((timeout + time.Millisecond - 1) / time.Millisecond)
	}
	n, err := unix.EpollWait(p.epfd, p.events, ms)
	if err == unix.EINTR {
		return p.out[:0], nil
	}
	if err != nil {
		return nil, os.NewSyscallError("epoll_wait", err)
	}
	out := p.out[:0]
	for i := 0; i < n; i++ {
		e := &p.events[i]
		if int(e.Fd) == p.efd {
			var buf [8]byte
			unix.Read(p.efd, buf[:]) // drain; EAGAIN is harmless
			p.woken.Store(false)
			continue
		}
		out = append(out, Event{
			Fd:       int(e.Fd),
			Readable: e.Events&unix.EPOLLIN != 0,
			Writable: e.Events&unix.EPOLLOUT != 0,
			Err:      e.Events&(unix.EPOLLERR|unix.EPOLLHUP) != 0,
		})
	}
	p.out = out
	return out, nil
}

// Close releases the epoll set and the eventfd.
func (p *Poller) Close() error {
	if p.closed {
		return nil
	}
	p.closed = true
	err1 := unix.Close(p.efd)
	err2 := unix.Close(p.epfd)
	if err1 != nil {
		return os.NewSyscallError("close", err1)
	}
	if err2 != nil {
		return os.NewSyscallError("close", err2)
	}
	return nil
}
