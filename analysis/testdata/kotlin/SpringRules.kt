package example.kotlin

// Rules that read Spring's names and redirect views, in Kotlin as in Java.
import org.springframework.http.HttpStatus
import org.springframework.http.ResponseEntity
import org.springframework.web.servlet.view.RedirectView

class SpringRules {
    fun unknown(): ResponseEntity<Void> = ResponseEntity.status(299).build() // codes: 299/send want "unknown-status: ResponseEntity.status with 299"

    fun renamed(): ResponseEntity<Void> = ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).build() // codes: 422/send want "deprecated-constant: UNPROCESSABLE_CONTENT"

    fun redirect(): RedirectView {
        val redirectView = RedirectView("/orders")
        redirectView.setStatusCode(HttpStatus.NOT_FOUND) // codes: 404/send want "redirect-status: redirectView.setStatusCode with 404 Not Found"
        return redirectView
    }
}
