package example.dto;

import javax.servlet.http.HttpServletResponse;

// An application's own response objects have a setStatus of their own: a
// receiver named like a response is read as one only when the file
// declares it with a response type. Elsewhere a number below 100 is no
// status.
public class NotResponses {
    public static UserResponse validate(User user) {
        UserResponse response = new UserResponse();
        if (user != null) {
            response.setStatus(1);
        } else {
            response.setStatus(0);
        }
        return response;
    }

    static Object viaVar() {
        var resp = new ApiResponse();
        resp.setStatus(2);
        return resp;
    }

    void servlet(HttpServletResponse response) {
        response.setStatus(0); // codes: 0/send want "invalid-status: response.setStatus with 0"
    }
}
