// Package socketmod provides yflow's socket module: BSD sockets over
// golang.org/x/sys/unix, as CPython's socket module offers them. Every
// descriptor is non-blocking at the OS level; a socket in blocking or
// timeout mode waits in poll(2) with the interpreter lock released (as
// CPython's sock_call does), so other threads run meanwhile. The
// AddressFamily and SocketKind int subclasses and a few helpers
// (create_connection, create_server) are written in yflow (socket.yf).
package socketmod

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"math"
	"net"
	"os"
	"strconv"
	"sync"
	"syscall"
	"time"

	"golang.org/x/sys/unix"

	"yflow/lang/compiler"
	"yflow/stdlib/modutil"
	"yflow/vm"
)

//go:embed socket.yf
var source []byte

// SocketType is socket.socket.
var SocketType *vm.Type

// gaierrorType is socket.gaierror; herrorType socket.herror.
var gaierrorType, herrorType *vm.Type

var setupOnce sync.Once

// defaultTimeout is socket.getdefaulttimeout() (negative: None).
var (
	defaultMu      sync.Mutex
	defaultTimeout = -1.0
)

// Socket is a socket object. fd is -1 once closed or detached; timeout
// is negative in blocking mode, 0 when non-blocking, else seconds.
type Socket struct {
	fd                 int
	family, typ, proto int
	timeout            float64
}

// Type implements vm.Object.
func (*Socket) Type() *vm.Type { return SocketType }

// Module builds the socket module.
func Module(t *vm.Thread) (*vm.Module, error) {
	setupOnce.Do(setupTypes)
	m := vm.NewModule("socket")
	m.Set("socket", vm.Obj(SocketType))
	m.Set("SocketType", vm.Obj(SocketType))
	m.Set("error", vm.Obj(vm.OSErrorType))
	m.Set("timeout", vm.Obj(vm.TimeoutErrorType))
	m.Set("gaierror", vm.Obj(gaierrorType))
	m.Set("herror", vm.Obj(herrorType))
	for name, v := range constants {
		m.Set(name, vm.Int(v))
	}
	m.Set("has_ipv6", vm.True)
	def := func(name string, fn vm.BuiltinFn) { modutil.Def(m, name, fn) }
	def("getaddrinfo", getaddrinfo)
	def("gethostname", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("gethostname", args, kw, 0, 0); err != nil {
			return vm.Null, err
		}
		h, err := os.Hostname()
		if err != nil {
			return vm.Null, vm.OSErrorFromGo(err, "")
		}
		return vm.StrValue(h), nil
	})
	def("gethostbyname", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("gethostbyname", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		host, err := strArg("gethostbyname", args[0])
		if err != nil {
			return vm.Null, err
		}
		ips, err := resolve(t, host, unix.AF_INET)
		if err != nil {
			return vm.Null, err
		}
		return vm.StrValue(ips[0].String()), nil
	})
	def("socketpair", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		var famV, typV, protoV vm.Value
		if err := vm.UnpackArgs("socketpair", args, kw, []string{"family", "type", "proto"}, 0, &famV, &typV, &protoV); err != nil {
			return vm.Null, err
		}
		fam, typ, proto := intOr(famV, unix.AF_UNIX), intOr(typV, unix.SOCK_STREAM), intOr(protoV, 0)
		fds, err := unix.Socketpair(fam, typ|unix.SOCK_NONBLOCK|unix.SOCK_CLOEXEC, proto)
		if err != nil {
			return vm.Null, osErr(err)
		}
		to := getDefaultTimeout()
		a := &Socket{fd: fds[0], family: fam, typ: typ, proto: proto, timeout: to}
		b := &Socket{fd: fds[1], family: fam, typ: typ, proto: proto, timeout: to}
		return vm.TupleValue(vm.Obj(a), vm.Obj(b)), nil
	})
	def("getdefaulttimeout", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		return timeoutValue(getDefaultTimeout()), nil
	})
	def("setdefaulttimeout", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("setdefaulttimeout", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		to, err := parseTimeout(args[0])
		if err != nil {
			return vm.Null, err
		}
		defaultMu.Lock()
		defaultTimeout = to
		defaultMu.Unlock()
		return vm.None, nil
	})
	def("inet_aton", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("inet_aton", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		s, err := strArg("inet_aton", args[0])
		if err != nil {
			return vm.Null, err
		}
		ip := net.ParseIP(s).To4()
		if ip == nil {
			return vm.Null, vm.Errorf(vm.OSErrorType, "illegal IP address string passed to inet_aton")
		}
		return vm.Obj(vm.NewBytes([]byte(ip))), nil
	})
	def("inet_ntoa", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("inet_ntoa", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		b, err := vm.BytesLike(args[0])
		if err != nil {
			return vm.Null, err
		}
		if len(b) != 4 {
			return vm.Null, vm.Errorf(vm.OSErrorType, "packed IP wrong length for inet_ntoa")
		}
		return vm.StrValue(net.IP(b).String()), nil
	})
	for _, name := range []string{"htons", "ntohs", "htonl", "ntohl"} {
		name := name
		bits := 16
		if name[4] == 'l' {
			bits = 32
		}
		def(name, func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			if err := vm.CheckArgs(name, args, kw, 1, 1); err != nil {
				return vm.Null, err
			}
			n, err := t.Index(args[0])
			if err != nil {
				return vm.Null, err
			}
			if n < 0 || n >= 1<<bits {
				return vm.Null, vm.Errorf(vm.OverflowErrorType, "%s: Python int too large to convert to C %s", name, map[int]string{16: "16-bit unsigned integer", 32: "unsigned long"}[bits])
			}
			if bits == 16 {
				return vm.Int(int64(uint16(n)>>8 | uint16(n)<<8)), nil
			}
			u := uint32(n)
			return vm.Int(int64(u>>24 | (u>>8)&0xff00 | (u<<8)&0xff0000 | u<<24)), nil
		})
	}
	code, err := t.Interp().Compile("<frozen socket>", source, compiler.ModeExec)
	if err != nil {
		return nil, err
	}
	m.Set("__builtins__", t.Interp().BuiltinsModuleValue())
	if _, err := t.RunCode(code, m.Dict()); err != nil {
		return nil, err
	}
	// socket.makefile is written in yflow (socket.yf)
	if mf, ok := m.Dict().GetStr(vm.Intern("_makefile")); ok {
		vm.SetClassAttr(SocketType, "makefile", mf)
	}
	return m, nil
}

// constants are the module's integer constants (Linux values).
var constants = map[string]int64{
	"AF_UNSPEC": unix.AF_UNSPEC, "AF_INET": unix.AF_INET, "AF_INET6": unix.AF_INET6, "AF_UNIX": unix.AF_UNIX,
	"SOCK_STREAM": unix.SOCK_STREAM, "SOCK_DGRAM": unix.SOCK_DGRAM, "SOCK_RAW": unix.SOCK_RAW,
	"SOCK_SEQPACKET": unix.SOCK_SEQPACKET, "SOCK_NONBLOCK": unix.SOCK_NONBLOCK, "SOCK_CLOEXEC": unix.SOCK_CLOEXEC,
	"SOL_SOCKET": unix.SOL_SOCKET, "SO_REUSEADDR": unix.SO_REUSEADDR, "SO_REUSEPORT": unix.SO_REUSEPORT,
	"SO_KEEPALIVE": unix.SO_KEEPALIVE, "SO_BROADCAST": unix.SO_BROADCAST, "SO_ERROR": unix.SO_ERROR,
	"SO_TYPE": unix.SO_TYPE, "SO_SNDBUF": unix.SO_SNDBUF, "SO_RCVBUF": unix.SO_RCVBUF,
	"SO_LINGER": unix.SO_LINGER, "SO_RCVLOWAT": unix.SO_RCVLOWAT, "SO_SNDLOWAT": unix.SO_SNDLOWAT,
	"IPPROTO_IP": unix.IPPROTO_IP, "IPPROTO_TCP": unix.IPPROTO_TCP, "IPPROTO_UDP": unix.IPPROTO_UDP,
	"IPPROTO_IPV6": unix.IPPROTO_IPV6, "IPV6_V6ONLY": unix.IPV6_V6ONLY,
	"TCP_NODELAY": unix.TCP_NODELAY, "TCP_KEEPIDLE": unix.TCP_KEEPIDLE, "TCP_KEEPINTVL": unix.TCP_KEEPINTVL,
	"TCP_KEEPCNT": unix.TCP_KEEPCNT,
	"SHUT_RD":     unix.SHUT_RD, "SHUT_WR": unix.SHUT_WR, "SHUT_RDWR": unix.SHUT_RDWR,
	"SOMAXCONN": 4096,
	"MSG_PEEK":  unix.MSG_PEEK, "MSG_DONTWAIT": unix.MSG_DONTWAIT, "MSG_WAITALL": unix.MSG_WAITALL,
	"MSG_OOB": unix.MSG_OOB, "MSG_NOSIGNAL": unix.MSG_NOSIGNAL,
	"AI_PASSIVE": 1, "AI_CANONNAME": 2, "AI_NUMERICHOST": 4, "AI_V4MAPPED": 8, "AI_ALL": 16,
	"AI_ADDRCONFIG": 32, "AI_NUMERICSERV": 1024,
	"NI_NUMERICHOST": 1, "NI_NUMERICSERV": 2, "NI_NOFQDN": 4, "NI_NAMEREQD": 8, "NI_DGRAM": 16,
	"EAI_BADFLAGS": -1, "EAI_NONAME": -2, "EAI_AGAIN": -3, "EAI_FAIL": -4, "EAI_FAMILY": -6,
	"EAI_SOCKTYPE": -7, "EAI_SERVICE": -8, "EAI_MEMORY": -10, "EAI_SYSTEM": -11, "EAI_OVERFLOW": -12,
	"INADDR_ANY": 0, "INADDR_LOOPBACK": 0x7f000001, "INADDR_BROADCAST": 0xffffffff,
}

func getDefaultTimeout() float64 {
	defaultMu.Lock()
	defer defaultMu.Unlock()
	return defaultTimeout
}

// intOr is an optional int argument (an int subclass such as
// AddressFamily too); def when absent or None.
func intOr(v vm.Value, def int) int {
	if v.IsNull() || v.IsNone() {
		return def
	}
	if v.IsInt() {
		return int(v.AsInt())
	}
	if n, ok := vm.IntOf(v); ok {
		return int(n)
	}
	return def
}

func strArg(fname string, v vm.Value) (string, error) {
	if s, ok := v.Object().(*vm.Str); ok {
		return s.String(), nil
	}
	if b, err := vm.BytesLike(v); err == nil {
		return string(b), nil
	}
	return "", vm.Errorf(vm.TypeErrorType, "%s() argument 1 must be str, not %s", fname, v.Type().Name)
}

// osErr turns a system call error into the OSError CPython raises.
func osErr(err error) error {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return vm.ErrnoError(errno)
	}
	return vm.OSErrorFromGo(err, "")
}

func timeoutValue(to float64) vm.Value {
	if to < 0 {
		return vm.None
	}
	return vm.Float(to)
}

// parseTimeout reads a timeout argument: None is -1 (blocking).
func parseTimeout(v vm.Value) (float64, error) {
	if v.IsNone() {
		return -1, nil
	}
	f, ok := vm.ToFloat(v)
	if !ok {
		return 0, vm.Errorf(vm.TypeErrorType, "'%s' object cannot be interpreted as an integer", v.Type().Name)
	}
	if math.IsNaN(f) {
		return 0, vm.Errorf(vm.ValueErrorType, "Invalid value NaN (not a number)")
	}
	if f < 0 {
		return 0, vm.Errorf(vm.ValueErrorType, "Timeout value out of range")
	}
	return f, nil
}

// ---- waiting

// wait blocks until fd is ready for reading (or writing), with the
// interpreter lock released; TimeoutError "timed out" past the socket's
// timeout.
func (s *Socket) wait(t *vm.Thread, write bool, deadline time.Time) error {
	ev := int16(unix.POLLIN)
	if write {
		ev = unix.POLLOUT
	}
	for {
		ms := -1
		if s.timeout > 0 {
			left := time.Until(deadline)
			if left <= 0 {
				return vm.Errorf(vm.TimeoutErrorType, "timed out")
			}
			ms = int((left + time.Millisecond - 1) / time.Millisecond)
		}
		fds := []unix.PollFd{{Fd: int32(s.fd), Events: ev}}
		var n int
		var err error
		t.Blocking(func() { n, err = unix.Poll(fds, ms) })
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return osErr(err)
		}
		if n == 0 {
			if s.timeout > 0 && !time.Now().Before(deadline) {
				return vm.Errorf(vm.TimeoutErrorType, "timed out")
			}
			continue
		}
		return nil
	}
}

func (s *Socket) deadline() time.Time {
	if s.timeout > 0 {
		return time.Now().Add(time.Duration(s.timeout * float64(time.Second)))
	}
	return time.Time{}
}

// call runs op (a non-blocking system call) until it no longer reports
// EAGAIN, waiting as the socket's mode says.
func (s *Socket) call(t *vm.Thread, write bool, op func() error) error {
	if s.fd < 0 {
		return vm.ErrnoError(unix.EBADF)
	}
	dl := s.deadline()
	for {
		err := op()
		if err == nil {
			return nil
		}
		if err == unix.EINTR {
			continue
		}
		if err != unix.EAGAIN {
			return osErr(err)
		}
		if s.timeout == 0 {
			return osErr(err)
		}
		if err := s.wait(t, write, dl); err != nil {
			return err
		}
	}
}

// ---- addresses

// resolve looks a host name up (numeric addresses need no lookup), with
// the interpreter lock released.
func resolve(t *vm.Thread, host string, family int) ([]net.IP, error) {
	if ip := net.ParseIP(host); ip != nil {
		return []net.IP{ip}, nil
	}
	network := "ip"
	switch family {
	case unix.AF_INET:
		network = "ip4"
	case unix.AF_INET6:
		network = "ip6"
	}
	var ips []net.IP
	var err error
	t.Blocking(func() { ips, err = net.DefaultResolver.LookupIP(context.Background(), network, host) })
	if err != nil || len(ips) == 0 {
		return nil, gaiError(-2, "Name or service not known")
	}
	return ips, nil
}

func gaiError(code int64, msg string) error {
	return vm.NewException(gaierrorType, vm.Int(code), vm.StrValue(msg))
}

// sockaddr converts a Python address for family to a unix.Sockaddr.
func (s *Socket) sockaddr(t *vm.Thread, fname string, addr vm.Value) (unix.Sockaddr, error) {
	switch s.family {
	case unix.AF_UNIX:
		path, err := strArg(fname, addr)
		if err != nil {
			return nil, vm.Errorf(vm.TypeErrorType, "%s(): AF_UNIX address must be str or bytes, not %s", fname, addr.Type().Name)
		}
		return &unix.SockaddrUnix{Name: path}, nil
	case unix.AF_INET, unix.AF_INET6:
		tup, ok := addr.Object().(*vm.Tuple)
		want := "2"
		if s.family == unix.AF_INET6 {
			want = "2-4"
		}
		if !ok {
			fam := "AF_INET"
			if s.family == unix.AF_INET6 {
				fam = "AF_INET6"
			}
			return nil, vm.Errorf(vm.TypeErrorType, "%s(): %s address must be tuple, not %s", fname, fam, addr.Type().Name)
		}
		items := tup.Items()
		if (s.family == unix.AF_INET && len(items) != 2) || (s.family == unix.AF_INET6 && (len(items) < 2 || len(items) > 4)) {
			return nil, vm.Errorf(vm.TypeErrorType, "AF_INET address must be a pair (host, port)")
		}
		_ = want
		host, err := strArg(fname, items[0])
		if err != nil {
			return nil, vm.Errorf(vm.TypeErrorType, "str, bytes or bytearray expected, not %s", items[0].Type().Name)
		}
		port, err := t.Index(items[1])
		if err != nil {
			return nil, err
		}
		if port < 0 || port > 65535 {
			return nil, vm.Errorf(vm.OverflowErrorType, "%s(): port must be 0-65535.", fname)
		}
		var ip net.IP
		switch host {
		case "":
			if s.family == unix.AF_INET {
				ip = net.IPv4zero
			} else {
				ip = net.IPv6zero
			}
		case "<broadcast>":
			ip = net.IPv4bcast
		default:
			ips, err := resolve(t, host, s.family)
			if err != nil {
				return nil, err
			}
			ip = ips[0]
		}
		if s.family == unix.AF_INET {
			ip4 := ip.To4()
			if ip4 == nil {
				return nil, gaiError(-9, "Address family for hostname not supported")
			}
			sa := &unix.SockaddrInet4{Port: int(port)}
			copy(sa.Addr[:], ip4)
			return sa, nil
		}
		sa := &unix.SockaddrInet6{Port: int(port)}
		copy(sa.Addr[:], ip.To16())
		if len(items) == 4 {
			scope, err := t.Index(items[3])
			if err != nil {
				return nil, err
			}
			sa.ZoneId = uint32(scope)
		}
		return sa, nil
	}
	return nil, vm.Errorf(vm.OSErrorType, "%s(): bad family", fname)
}

// addrValue converts a unix.Sockaddr to the Python address.
func addrValue(sa unix.Sockaddr) vm.Value {
	switch a := sa.(type) {
	case *unix.SockaddrInet4:
		return vm.TupleValue(vm.StrValue(net.IP(a.Addr[:]).String()), vm.Int(int64(a.Port)))
	case *unix.SockaddrInet6:
		return vm.TupleValue(vm.StrValue(net.IP(a.Addr[:]).String()), vm.Int(int64(a.Port)), vm.Int(0), vm.Int(int64(a.ZoneId)))
	case *unix.SockaddrUnix:
		if a.Name == "@" {
			return vm.StrValue("") // unnamed (x/sys shows an empty abstract name as "@")
		}
		return vm.StrValue(a.Name)
	}
	return vm.None
}

// ---- getaddrinfo

func getaddrinfo(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
	var hostV, portV, famV, typV, protoV, flagsV vm.Value
	if err := vm.UnpackArgs("getaddrinfo", args, kw, []string{"host", "port", "family", "type", "proto", "flags"}, 2, &hostV, &portV, &famV, &typV, &protoV, &flagsV); err != nil {
		return vm.Null, err
	}
	fam, typ, proto, flags := intOr(famV, 0), intOr(typV, 0), intOr(protoV, 0), intOr(flagsV, 0)
	port := 0
	switch {
	case portV.IsNone():
	case portV.IsInt():
		port = int(portV.AsInt())
	default:
		ps, err := strArg("getaddrinfo", portV)
		if err != nil {
			return vm.Null, vm.Errorf(vm.OSErrorType, "Int or String expected")
		}
		if n, err := strconv.Atoi(ps); err == nil {
			port = n
		} else {
			p, err := net.LookupPort("tcp", ps)
			if err != nil {
				return vm.Null, gaiError(-8, "Servname not supported for ai_socktype")
			}
			port = p
		}
	}
	var ips []net.IP
	if hostV.IsNone() && portV.IsNone() {
		return vm.Null, gaiError(-2, "Name or service not known")
	}
	if hostV.IsNone() {
		if flags&1 != 0 { // AI_PASSIVE
			ips = []net.IP{net.IPv4zero, net.IPv6zero}
		} else {
			ips = []net.IP{net.IPv4(127, 0, 0, 1), net.IPv6loopback}
		}
	} else {
		host, err := strArg("getaddrinfo", hostV)
		if err != nil {
			return vm.Null, err
		}
		if host == "localhost" {
			ips = []net.IP{net.IPv4(127, 0, 0, 1)}
		} else if ips, err = resolve(t, host, fam); err != nil {
			return vm.Null, err
		}
	}
	kinds := [][2]int{{unix.SOCK_STREAM, unix.IPPROTO_TCP}, {unix.SOCK_DGRAM, unix.IPPROTO_UDP}, {unix.SOCK_RAW, 0}}
	if typ != 0 {
		p := proto
		if p == 0 {
			switch typ {
			case unix.SOCK_STREAM:
				p = unix.IPPROTO_TCP
			case unix.SOCK_DGRAM:
				p = unix.IPPROTO_UDP
			}
		}
		kinds = [][2]int{{typ, p}}
	}
	mod, ok := t.Interp().Modules.GetStr(vm.Intern("socket"))
	wrapFam, wrapKind := func(v vm.Value) vm.Value { return v }, func(v vm.Value) vm.Value { return v }
	if ok {
		wrap := func(name string) func(vm.Value) vm.Value {
			cls, err := t.GetAttr(mod, vm.Intern(name))
			if err != nil {
				return func(v vm.Value) vm.Value { return v }
			}
			return func(v vm.Value) vm.Value {
				r, err := t.Call(cls, []vm.Value{v}, nil)
				if err != nil {
					return v
				}
				return r
			}
		}
		wrapFam, wrapKind = wrap("AddressFamily"), wrap("SocketKind")
	}
	var out []vm.Value
	for _, ip := range ips {
		f := unix.AF_INET6
		var addr vm.Value
		if ip4 := ip.To4(); ip4 != nil {
			f = unix.AF_INET
			addr = vm.TupleValue(vm.StrValue(ip4.String()), vm.Int(int64(port)))
		} else {
			addr = vm.TupleValue(vm.StrValue(ip.String()), vm.Int(int64(port)), vm.Int(0), vm.Int(0))
		}
		if fam != 0 && fam != f {
			continue
		}
		for _, k := range kinds {
			out = append(out, vm.TupleValue(wrapFam(vm.Int(int64(f))), wrapKind(vm.Int(int64(k[0]))), vm.Int(int64(k[1])), vm.StrValue(""), addr))
		}
	}
	if len(out) == 0 {
		return vm.Null, gaiError(-9, "Address family for hostname not supported")
	}
	return vm.Obj(vm.NewList(out)), nil
}

// ---- the socket type

func selfSock(name string, self vm.Value) (*Socket, error) {
	s, ok := self.Object().(*Socket)
	if !ok {
		return nil, vm.DescriptorError(name, SocketType, self)
	}
	return s, nil
}

// newSocket is socket.socket(family=AF_INET, type=SOCK_STREAM, proto=0, fileno=None).
func newSocket(t *vm.Thread, cls *vm.Type, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
	var famV, typV, protoV, filenoV vm.Value
	if err := vm.UnpackArgs("socket", args, kw, []string{"family", "type", "proto", "fileno"}, 0, &famV, &typV, &protoV, &filenoV); err != nil {
		return vm.Null, err
	}
	fam, typ, proto := intOr(famV, -1), intOr(typV, -1), intOr(protoV, -1)
	s := &Socket{timeout: getDefaultTimeout()}
	if !filenoV.IsNull() && !filenoV.IsNone() {
		fd, err := t.Index(filenoV)
		if err != nil {
			return vm.Null, err
		}
		if fd < 0 {
			return vm.Null, vm.Errorf(vm.ValueErrorType, "negative file descriptor")
		}
		s.fd = int(fd)
		if fam < 0 {
			if fam, err = unix.GetsockoptInt(s.fd, unix.SOL_SOCKET, unix.SO_DOMAIN); err != nil {
				return vm.Null, osErr(err)
			}
		}
		if typ < 0 {
			if typ, err = unix.GetsockoptInt(s.fd, unix.SOL_SOCKET, unix.SO_TYPE); err != nil {
				return vm.Null, osErr(err)
			}
		}
		if proto < 0 {
			proto, _ = unix.GetsockoptInt(s.fd, unix.SOL_SOCKET, unix.SO_PROTOCOL)
		}
		unix.SetNonblock(s.fd, true)
	} else {
		if fam < 0 {
			fam = unix.AF_INET
		}
		if typ < 0 {
			typ = unix.SOCK_STREAM
		}
		if proto < 0 {
			proto = 0
		}
		fd, err := unix.Socket(fam, typ|unix.SOCK_NONBLOCK|unix.SOCK_CLOEXEC, proto)
		if err != nil {
			return vm.Null, osErr(err)
		}
		s.fd = fd
	}
	s.family, s.typ, s.proto = fam, typ&^(unix.SOCK_NONBLOCK|unix.SOCK_CLOEXEC), proto
	if typ&unix.SOCK_NONBLOCK != 0 {
		s.timeout = 0
	}
	return vm.Obj(s), nil
}

type method func(t *vm.Thread, s *Socket, args []vm.Value, kw []*vm.Str) (vm.Value, error)

func setupTypes() {
	SocketType = vm.NewBuiltinType("socket", "socket", nil)
	vm.SetTypeNew(SocketType, newSocket)
	gaierrorType = vm.NewBuiltinType("gaierror", "socket", vm.OSErrorType)
	herrorType = vm.NewBuiltinType("herror", "socket", vm.OSErrorType)
	add := func(name string, fn method) {
		vm.AddMethod(SocketType, name, func(t *vm.Thread, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			s, err := selfSock(name, self)
			if err != nil {
				return vm.Null, err
			}
			return fn(t, s, args, kw)
		})
	}
	noArgs := func(name string, fn func(t *vm.Thread, s *Socket) (vm.Value, error)) {
		add(name, func(t *vm.Thread, s *Socket, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			if err := vm.CheckArgs(name, args, kw, 0, 0); err != nil {
				return vm.Null, err
			}
			return fn(t, s)
		})
	}
	noArgs("fileno", func(t *vm.Thread, s *Socket) (vm.Value, error) { return vm.Int(int64(s.fd)), nil })
	noArgs("close", func(t *vm.Thread, s *Socket) (vm.Value, error) {
		if s.fd >= 0 {
			fd := s.fd
			s.fd = -1
			if err := unix.Close(fd); err != nil && err != unix.ECONNRESET {
				return vm.Null, osErr(err)
			}
		}
		return vm.None, nil
	})
	noArgs("detach", func(t *vm.Thread, s *Socket) (vm.Value, error) {
		fd := s.fd
		s.fd = -1
		return vm.Int(int64(fd)), nil
	})
	noArgs("dup", func(t *vm.Thread, s *Socket) (vm.Value, error) {
		if s.fd < 0 {
			return vm.Null, vm.ErrnoError(unix.EBADF)
		}
		fd, err := unix.FcntlInt(uintptr(s.fd), unix.F_DUPFD_CLOEXEC, 0)
		if err != nil {
			return vm.Null, osErr(err)
		}
		return vm.Obj(&Socket{fd: fd, family: s.family, typ: s.typ, proto: s.proto, timeout: s.timeout}), nil
	})
	noArgs("__enter__", func(t *vm.Thread, s *Socket) (vm.Value, error) { return vm.Obj(s), nil })
	add("__exit__", func(t *vm.Thread, s *Socket, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if s.fd >= 0 {
			unix.Close(s.fd)
			s.fd = -1
		}
		return vm.None, nil
	})
	noArgs("gettimeout", func(t *vm.Thread, s *Socket) (vm.Value, error) { return timeoutValue(s.timeout), nil })
	noArgs("getblocking", func(t *vm.Thread, s *Socket) (vm.Value, error) { return vm.Bool(s.timeout != 0), nil })
	add("settimeout", func(t *vm.Thread, s *Socket, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("settimeout", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		to, err := parseTimeout(args[0])
		if err != nil {
			return vm.Null, err
		}
		s.timeout = to
		return vm.None, nil
	})
	add("setblocking", func(t *vm.Thread, s *Socket, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("setblocking", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		b, err := t.Truth(args[0])
		if err != nil {
			return vm.Null, err
		}
		if b {
			s.timeout = -1
		} else {
			s.timeout = 0
		}
		return vm.None, nil
	})
	add("bind", func(t *vm.Thread, s *Socket, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("bind", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		sa, err := s.sockaddr(t, "bind", args[0])
		if err != nil {
			return vm.Null, err
		}
		if err := unix.Bind(s.fd, sa); err != nil {
			return vm.Null, osErr(err)
		}
		return vm.None, nil
	})
	add("listen", func(t *vm.Thread, s *Socket, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("listen", args, kw, 0, 1); err != nil {
			return vm.Null, err
		}
		backlog := 128
		if len(args) == 1 {
			n, err := t.Index(args[0])
			if err != nil {
				return vm.Null, err
			}
			backlog = int(max(n, 0))
		}
		if err := unix.Listen(s.fd, backlog); err != nil {
			return vm.Null, osErr(err)
		}
		return vm.None, nil
	})
	noArgs("accept", func(t *vm.Thread, s *Socket) (vm.Value, error) {
		var nfd int
		var sa unix.Sockaddr
		err := s.call(t, false, func() (e error) {
			nfd, sa, e = unix.Accept4(s.fd, unix.SOCK_NONBLOCK|unix.SOCK_CLOEXEC)
			return e
		})
		if err != nil {
			return vm.Null, err
		}
		ns := &Socket{fd: nfd, family: s.family, typ: s.typ, proto: s.proto, timeout: getDefaultTimeout()}
		if s.timeout > 0 && ns.timeout < 0 {
			ns.timeout = -1
		}
		return vm.TupleValue(vm.Obj(ns), addrValue(sa)), nil
	})
	connect := func(name string, ex bool) {
		add(name, func(t *vm.Thread, s *Socket, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			if err := vm.CheckArgs(name, args, kw, 1, 1); err != nil {
				return vm.Null, err
			}
			sa, err := s.sockaddr(t, name, args[0])
			if err != nil {
				return vm.Null, err
			}
			err = s.connect(t, sa)
			if ex {
				if err == nil {
					return vm.Int(0), nil
				}
				if e, ok := err.(*vm.Exception); ok && e.Class().IsSubtype(vm.OSErrorType) {
					if a := e.Args(); len(a) > 0 && a[0].IsInt() {
						return a[0], nil
					}
				}
				return vm.Null, err
			}
			if err != nil {
				return vm.Null, err
			}
			return vm.None, nil
		})
	}
	connect("connect", false)
	connect("connect_ex", true)
	recvArgs := func(name string, args []vm.Value, kw []*vm.Str, t *vm.Thread) (int, int, error) {
		if err := vm.CheckArgs(name, args, kw, 1, 2); err != nil {
			return 0, 0, err
		}
		n, err := t.Index(args[0])
		if err != nil {
			return 0, 0, err
		}
		if n < 0 {
			return 0, 0, vm.Errorf(vm.ValueErrorType, "negative buffersize in %s", name)
		}
		flags := 0
		if len(args) == 2 {
			f, err := t.Index(args[1])
			if err != nil {
				return 0, 0, err
			}
			flags = int(f)
		}
		return int(n), flags, nil
	}
	add("recv", func(t *vm.Thread, s *Socket, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		n, flags, err := recvArgs("recv", args, kw, t)
		if err != nil {
			return vm.Null, err
		}
		buf := make([]byte, n)
		var got int
		err = s.call(t, false, func() (e error) {
			got, _, e = unix.Recvfrom(s.fd, buf, flags)
			return e
		})
		if err != nil {
			return vm.Null, err
		}
		return vm.Obj(vm.NewBytes(buf[:got:got])), nil
	})
	add("recvfrom", func(t *vm.Thread, s *Socket, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		n, flags, err := recvArgs("recvfrom", args, kw, t)
		if err != nil {
			return vm.Null, err
		}
		buf := make([]byte, n)
		var got int
		var from unix.Sockaddr
		err = s.call(t, false, func() (e error) {
			got, from, e = unix.Recvfrom(s.fd, buf, flags)
			return e
		})
		if err != nil {
			return vm.Null, err
		}
		return vm.TupleValue(vm.Obj(vm.NewBytes(buf[:got:got])), addrValue(from)), nil
	})
	add("recv_into", func(t *vm.Thread, s *Socket, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		var bufV, nV, flagsV vm.Value
		if err := vm.UnpackArgs("recv_into", args, kw, []string{"buffer", "nbytes", "flags"}, 1, &bufV, &nV, &flagsV); err != nil {
			return vm.Null, err
		}
		buf, ok := vm.WritableBuffer(bufV)
		if !ok {
			return vm.Null, vm.Errorf(vm.TypeErrorType, "recv_into() argument 1 must be read-write bytes-like object, not %s", bufV.Type().Name)
		}
		if n := intOr(nV, 0); n > 0 && n < len(buf) {
			buf = buf[:n]
		}
		var got int
		err := s.call(t, false, func() (e error) {
			got, _, e = unix.Recvfrom(s.fd, buf, intOr(flagsV, 0))
			return e
		})
		if err != nil {
			return vm.Null, err
		}
		return vm.Int(int64(got)), nil
	})
	sendArgs := func(name string, args []vm.Value, t *vm.Thread) ([]byte, int, error) {
		data, err := vm.BytesLike(args[0])
		if err != nil {
			return nil, 0, err
		}
		flags := 0
		if len(args) >= 2 {
			f, err := t.Index(args[1])
			if err != nil {
				return nil, 0, err
			}
			flags = int(f)
		}
		return data, flags, nil
	}
	add("send", func(t *vm.Thread, s *Socket, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("send", args, kw, 1, 2); err != nil {
			return vm.Null, err
		}
		data, flags, err := sendArgs("send", args, t)
		if err != nil {
			return vm.Null, err
		}
		var n int
		err = s.call(t, true, func() (e error) {
			n, e = unix.SendmsgN(s.fd, data, nil, nil, flags|unix.MSG_NOSIGNAL)
			return e
		})
		if err != nil {
			return vm.Null, err
		}
		return vm.Int(int64(n)), nil
	})
	add("sendall", func(t *vm.Thread, s *Socket, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("sendall", args, kw, 1, 2); err != nil {
			return vm.Null, err
		}
		data, flags, err := sendArgs("sendall", args, t)
		if err != nil {
			return vm.Null, err
		}
		for len(data) > 0 {
			var n int
			err = s.call(t, true, func() (e error) {
				n, e = unix.SendmsgN(s.fd, data, nil, nil, flags|unix.MSG_NOSIGNAL)
				return e
			})
			if err != nil {
				return vm.Null, err
			}
			data = data[n:]
		}
		return vm.None, nil
	})
	add("sendto", func(t *vm.Thread, s *Socket, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("sendto", args, kw, 2, 3); err != nil {
			return vm.Null, err
		}
		addr := args[len(args)-1]
		data, flags, err := sendArgs("sendto", args[:len(args)-1], t)
		if err != nil {
			return vm.Null, err
		}
		sa, err := s.sockaddr(t, "sendto", addr)
		if err != nil {
			return vm.Null, err
		}
		err = s.call(t, true, func() error {
			return unix.Sendto(s.fd, data, flags|unix.MSG_NOSIGNAL, sa)
		})
		if err != nil {
			return vm.Null, err
		}
		return vm.Int(int64(len(data))), nil
	})
	name := func(mname string, get func(int) (unix.Sockaddr, error)) {
		noArgs(mname, func(t *vm.Thread, s *Socket) (vm.Value, error) {
			if s.fd < 0 {
				return vm.Null, vm.ErrnoError(unix.EBADF)
			}
			sa, err := get(s.fd)
			if err != nil {
				return vm.Null, osErr(err)
			}
			return addrValue(sa), nil
		})
	}
	name("getsockname", unix.Getsockname)
	name("getpeername", unix.Getpeername)
	add("shutdown", func(t *vm.Thread, s *Socket, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("shutdown", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		how, err := t.Index(args[0])
		if err != nil {
			return vm.Null, err
		}
		if err := unix.Shutdown(s.fd, int(how)); err != nil {
			return vm.Null, osErr(err)
		}
		return vm.None, nil
	})
	add("setsockopt", func(t *vm.Thread, s *Socket, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("setsockopt", args, kw, 3, 4); err != nil {
			return vm.Null, err
		}
		level, opt, err := levelOpt(t, args)
		if err != nil {
			return vm.Null, err
		}
		if _, isStr := args[2].Object().(*vm.Str); isStr {
			return vm.Null, vm.Errorf(vm.TypeErrorType, "a bytes-like object is required, not 'str'")
		}
		if b, err := vm.BytesLike(args[2]); err == nil {
			err = unix.SetsockoptString(s.fd, int(level), int(opt), string(b))
			if err != nil {
				return vm.Null, osErr(err)
			}
			return vm.None, nil
		}
		v, err := t.Index(args[2])
		if err != nil {
			return vm.Null, err
		}
		if err := unix.SetsockoptInt(s.fd, int(level), int(opt), int(v)); err != nil {
			return vm.Null, osErr(err)
		}
		return vm.None, nil
	})
	add("getsockopt", func(t *vm.Thread, s *Socket, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("getsockopt", args, kw, 2, 3); err != nil {
			return vm.Null, err
		}
		level, opt, err := levelOpt(t, args)
		if err != nil {
			return vm.Null, err
		}
		if len(args) == 3 {
			n, err := t.Index(args[2])
			if err != nil {
				return vm.Null, err
			}
			b, err := unix.GetsockoptString(s.fd, int(level), int(opt))
			if err != nil {
				return vm.Null, osErr(err)
			}
			if int(n) < len(b) {
				b = b[:n]
			}
			return vm.Obj(vm.NewBytes([]byte(b))), nil
		}
		v, err := unix.GetsockoptInt(s.fd, int(level), int(opt))
		if err != nil {
			return vm.Null, osErr(err)
		}
		return vm.Int(int64(v)), nil
	})
	add("__repr__", func(t *vm.Thread, s *Socket, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		closed := ""
		if s.fd < 0 {
			closed = "[closed] "
		}
		r := fmt.Sprintf("<socket.socket %sfd=%d, family=%d, type=%d, proto=%d", closed, s.fd, s.family, s.typ, s.proto)
		if s.fd >= 0 {
			if sa, err := unix.Getsockname(s.fd); err == nil {
				if a, err := t.Repr(addrValue(sa)); err == nil && !(s.family == unix.AF_UNIX && a == "''") {
					r += ", laddr=" + a
				}
			}
			if sa, err := unix.Getpeername(s.fd); err == nil {
				if a, err := t.Repr(addrValue(sa)); err == nil && !(s.family == unix.AF_UNIX && a == "''") {
					r += ", raddr=" + a
				}
			}
		}
		return vm.StrValue(r + ">"), nil
	})
	prop := func(name string, get func(s *Socket) vm.Value) {
		vm.SetClassAttr(SocketType, name, vm.NewProperty(vm.Obj(vm.NewBuiltin(name, func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			if len(args) != 1 {
				return vm.Null, vm.Errorf(vm.TypeErrorType, "%s getter takes one argument", name)
			}
			s, err := selfSock(name, args[0])
			if err != nil {
				return vm.Null, err
			}
			return get(s), nil
		})), vm.Null))
	}
	prop("family", func(s *Socket) vm.Value { return vm.Int(int64(s.family)) })
	prop("type", func(s *Socket) vm.Value { return vm.Int(int64(s.typ)) })
	prop("proto", func(s *Socket) vm.Value { return vm.Int(int64(s.proto)) })
	prop("timeout", func(s *Socket) vm.Value { return timeoutValue(s.timeout) })
}

// connect is connect(): a non-blocking socket raises BlockingIOError
// (EINPROGRESS); otherwise it waits for the outcome.
func (s *Socket) connect(t *vm.Thread, sa unix.Sockaddr) error {
	if s.fd < 0 {
		return vm.ErrnoError(unix.EBADF)
	}
	err := unix.Connect(s.fd, sa)
	for err == unix.EINTR {
		err = unix.Connect(s.fd, sa)
	}
	if err == nil {
		return nil
	}
	if err != unix.EINPROGRESS && err != unix.EAGAIN {
		return osErr(err)
	}
	if s.timeout == 0 {
		return osErr(err)
	}
	if err := s.wait(t, true, s.deadline()); err != nil {
		return err
	}
	soerr, gerr := unix.GetsockoptInt(s.fd, unix.SOL_SOCKET, unix.SO_ERROR)
	if gerr != nil {
		return osErr(gerr)
	}
	if soerr != 0 {
		return vm.ErrnoError(syscall.Errno(soerr))
	}
	return nil
}

// Fd returns the socket's descriptor (-1 when closed), for the event loop.
func Fd(v vm.Value) (int, bool) {
	s, ok := v.Object().(*Socket)
	if !ok {
		return -1, false
	}
	return s.fd, true
}

// levelOpt reads the (level, option) arguments of setsockopt/getsockopt.
func levelOpt(t *vm.Thread, args []vm.Value) (int64, int64, error) {
	level, err := t.Index(args[0])
	if err != nil {
		return 0, 0, err
	}
	opt, err := t.Index(args[1])
	return level, opt, err
}
