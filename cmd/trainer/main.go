// Command trainer is Digit Trainer without a window: it trains, evaluates
// and converts networks and datasets from the command line, with the same
// engine and file formats as the app. Run "trainer help" for the commands.
package main

import "os"

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }
