// Package jvm reads Java, Kotlin and C#: servlets, Spring, Ktor, OkHttp,
// ASP.NET Core, their constants, and the flow of a response.
//
// It registers itself (facts.Register) when loaded.
package jvm
