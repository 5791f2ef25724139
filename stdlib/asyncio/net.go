// net.go registers the event loop's networking methods (sock_*,
// getaddrinfo, create_connection, create_server, ...). Each is a thin
// wrapper that calls a helper written in asyncio_net.yf (`_loop_NAME(loop,
// *args, **kwargs)`), where the transports, protocols and streams live, as
// they do in Python in CPython's Lib/asyncio. asyncio_net.yf is compiled
// into the asyncio module's namespace on first use (ensureNet): it is as
// large as the rest of asyncio.yf, and most programs never need it.

package asyncio

import (
	_ "embed"
	"syscall"

	"yflow/lang/compiler"
	"yflow/vm"
)

//go:embed asyncio_net.yf
var netSource []byte

// netMethods are the loop methods implemented by asyncio.yf helpers.
var netMethods = []string{
	"sock_recv", "sock_recv_into", "sock_recvfrom", "sock_sendall", "sock_sendto",
	"sock_connect", "sock_accept", "getaddrinfo", "getnameinfo",
	"create_connection", "create_server", "create_datagram_endpoint",
	"connect_accepted_socket",
	"_start_serving", "_stop_serving",
}

func initNet() {
	for _, name := range netMethods {
		name := name
		loopMethod(name, func(t *vm.Thread, l *Loop, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			if _, err := l.st.ensureNet(t); err != nil {
				return vm.Null, err
			}
			h := l.st.netHelpers[name]
			if h.IsNull() {
				return vm.Null, vm.Errorf(vm.NotImplementedErrorType, "loop.%s() is not available", name)
			}
			all := make([]vm.Value, 0, len(args)+1)
			all = append(all, vm.Obj(l))
			all = append(all, args...)
			return t.Call(h, all, kw)
		})
	}
}

// ensureNet runs asyncio_net.yf in the asyncio module once; loaded
// reports whether this call did it.
func (st *state) ensureNet(t *vm.Thread) (loaded bool, err error) {
	if st.netHelpers != nil || st.mod == nil {
		return false, nil
	}
	st.netHelpers = map[string]vm.Value{}
	code, err := t.Interp().Compile("<frozen asyncio.net>", netSource, compiler.ModeExec)
	if err != nil {
		return false, err
	}
	if _, err := t.RunCode(code, st.mod.Dict()); err != nil {
		return false, err
	}
	st.lookupNetHelpers(st.mod)
	return true, nil
}

// lookupNetHelpers finds the asyncio_net.yf helpers behind netMethods.
func (st *state) lookupNetHelpers(m *vm.Module) {
	st.netHelpers = map[string]vm.Value{}
	for _, name := range netMethods {
		if v, ok := m.Dict().GetStr(vm.Intern("_loop_" + name)); ok {
			st.netHelpers[name] = v
		}
	}
}

// defineErrno gives asyncio.yf the errno values it needs (yflow has no
// errno module) and strerror.
func defineErrno(m *vm.Module) {
	for name, e := range map[string]syscall.Errno{
		"EMFILE": syscall.EMFILE, "ENFILE": syscall.ENFILE, "ENOBUFS": syscall.ENOBUFS,
		"ENOMEM": syscall.ENOMEM, "EINPROGRESS": syscall.EINPROGRESS, "EAGAIN": syscall.EAGAIN,
		"EINTR": syscall.EINTR, "EISCONN": syscall.EISCONN, "EALREADY": syscall.EALREADY,
	} {
		m.Set("_errno_"+name, vm.Int(int64(e)))
	}
	def(m, "_strerror", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("_strerror", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		n, err := t.Index(args[0])
		if err != nil {
			return vm.Null, err
		}
		s := syscall.Errno(n).Error()
		if s != "" && s[0] >= 'a' && s[0] <= 'z' {
			s = string(s[0]-'a'+'A') + s[1:]
		}
		return vm.StrValue(s), nil
	})
}
