// A Gradle script: numbers everywhere, none of them a status.
plugins {
    kotlin("jvm") version "2.0.0"
}

tasks.test {
    maxParallelForks = 4
    systemProperty("server.port", "8080")
    timeout.set(Duration.ofSeconds(500))
    jvmArgs("-Xmx404m")
}

val status = 404
val errors = listOf(400, 404, 500)
