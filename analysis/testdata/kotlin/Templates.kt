package example.templates

// Kotlin's string forms and comments: nothing inside them is code, except
// the code of ${…} templates, which may hold strings of its own.
class Templates(private val response: HttpServletResponse) {
    val a = "response.setStatus(404)"
    val b = "escaped \" response.sendError(500) \\"
    val c = """
        A raw string: response.setStatus(404) and "quotes" and \ no escapes
        ResponseEntity.status(500)
    """
    val d = """ends with extra quotes"""" 
    val e = "plain $name, no code: response.status = 404"
    val f = "template ${ "response.sendError(500)" } still a string"
    val g = "nested ${ "inner ${ "deeper }" } }" } end"
    val h = "map ${ mapOf(1 to 2).map { (k, v) -> "$k=$v" } } and } after"
    val i = """raw ${ if (ok) "yes" else "no" } $dollar ${'$'}404"""
    val j = '"'
    val k = '\''
    val `backquoted name` = 404

    fun code() {
        response.sendError(404, "user ${ user.name } missing") // codes: 404/send
        response.sendError("${ 500 }".toInt()) // want "superfluous-writeheader"
        response.status = "${ response.setStatus(201) }".length // codes: 201/send want "superfluous-writeheader"
        val s = "before ${ response.sendError(503, "Service Unavailable") } after" // codes: 503/send
        response.sendError(400, "Not Found") // codes: 400/send want "reason-mismatch: 404 Not Found"
        response.sendError(400, "Not Found: ${id}") // codes: 400/send want "superfluous-writeheader"
    }

    /* Kotlin block comments nest:
       /* response.setStatus(404) */
       response.setStatus(500)
    */
    fun afterComment() {
        response.status = 204 // codes: 204/send
    }

    fun numbers() {
        val port = 8080
        val timeout = 500L
        val sizes = IntArray(404)
        val big = 1_000_000
        val hex = 0x1F4
        Thread.sleep(200)
        delay(500)
        repeat(404) { }
        val css = "margin: 404px"
        val status = 404
        val code = 200
        if (code == 404) return
        val x = status + 100
    }
}
