package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on (host:port); keep a loopback host unless other machines must reach it")
	dir := flag.String("dir", ".", "folder to serve")
	flag.Parse()
	if flag.NArg() != 0 {
		fmt.Fprintln(os.Stderr, "serve: unexpected arguments; usage: serve [-addr host:port] [-dir folder]")
		os.Exit(2)
	}
	if err := run(*addr, *dir); err != nil {
		fmt.Fprintln(os.Stderr, "serve:", err)
		os.Exit(1)
	}
}

func run(addr, dir string) error {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return fmt.Errorf("cannot serve %s: %w", dir, err)
	}
	defer root.Close()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s (is another server running? try -addr 127.0.0.1:8081): %w", addr, err)
	}
	tcp := ln.Addr().(*net.TCPAddr)
	host := tcp.IP.String()
	if tcp.IP.IsUnspecified() {
		fmt.Fprintln(os.Stderr, "serve: warning: listening on every interface; other machines on the network can load the page")
		host = "127.0.0.1"
	}
	fmt.Printf("Serving %s at http://%s/ (Ctrl+C to stop)\n", dir, net.JoinHostPort(host, fmt.Sprint(tcp.Port)))

	srv := &http.Server{Handler: newFileServer(root), ReadHeaderTimeout: 10 * time.Second}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
