//go:build !js

package main

func publishStatus(int, float64) {}
