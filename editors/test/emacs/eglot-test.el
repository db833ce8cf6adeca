;;; eglot-test.el --- httpcodes through Eglot, headless  -*- lexical-binding: t; -*-

;; Run by editors/test/run.sh:
;;
;;   HTTPCODES_CONFIG=editors/configs/httpcodes-eglot.el \
;;   HTTPCODES_FIXTURE=/tmp/x/handler.go PATH=/dir/of/httpcodes:$PATH \
;;   emacs --batch --no-init-file -l editors/test/emacs/eglot-test.el
;;
;; It loads the config file as a user's init file would, opens the fixture (a
;; copy of editors/test/testdata/handler.go), lets the config's hook start
;; Eglot, and checks what reaches the user: flymake diagnostics, the hover
;; Eldoc shows, completion-at-point candidates, and a quick fix applied to the
;; buffer.  Every wait is bounded; the exit status is 0 when every check
;; passes and 1 otherwise.

(require 'cl-lib)
(require 'subr-x)

(defvar httpcodes-test-timeout 10
  "Seconds any one wait may take before the test fails.")

(defvar httpcodes-test-failures 0)

(defun httpcodes-test--log (fmt &rest args)
  (princ (concat (apply #'format fmt args) "\n") #'external-debugging-output))

(defun httpcodes-test--check (ok what &rest detail)
  "Report WHAT as passed when OK; otherwise count a failure, with DETAIL."
  (if ok
      (httpcodes-test--log "ok   emacs/eglot: %s" what)
    (setq httpcodes-test-failures (1+ httpcodes-test-failures))
    (httpcodes-test--log "FAIL emacs/eglot: %s%s" what
                         (if detail (concat "\n     " (apply #'format detail)) "")))
  ok)

(defun httpcodes-test--finish ()
  (let ((server (ignore-errors (eglot-current-server))))
    (when server
      (ignore-errors (let ((eglot-autoshutdown nil)) (eglot-shutdown server nil 3)))))
  (kill-emacs (if (zerop httpcodes-test-failures) 0 1)))

(defun httpcodes-test--abort (fmt &rest args)
  (setq httpcodes-test-failures (1+ httpcodes-test-failures))
  (httpcodes-test--log "FAIL emacs/eglot: %s" (apply #'format fmt args))
  (httpcodes-test--finish))

(defun httpcodes-test--wait (pred what)
  "Run the event loop until PRED returns non-nil, for at most the timeout.
Report WHAT as passed and return PRED's value, or report a failure and
return nil on timeout."
  (let ((deadline (+ (float-time) httpcodes-test-timeout))
        value)
    (while (and (not (setq value (funcall pred)))
                (< (float-time) deadline))
      (accept-process-output nil 0.02))
    (if value
        (httpcodes-test--check t what)
      (httpcodes-test--check nil (format "%s (nothing within %ss)" what httpcodes-test-timeout)))
    value))

(defun httpcodes-test--goto (line column)
  "Go to 1-based LINE and byte COLUMN (the fixture is ASCII)."
  (goto-char (point-min))
  (forward-line (1- line))
  (forward-char (1- column)))

(defun httpcodes-test--diagnostics ()
  "The buffer's flymake diagnostics as (LINE COLUMN TYPE TEXT), sorted."
  (sort (mapcar (lambda (d)
                  (save-excursion
                    (goto-char (flymake-diagnostic-beg d))
                    (list (line-number-at-pos) (1+ (- (point) (line-beginning-position)))
                          (flymake-diagnostic-type d) (flymake-diagnostic-text d))))
                (flymake-diagnostics))
        (lambda (a b) (< (car a) (car b)))))

(defun httpcodes-test--run ()
  (let ((config (getenv "HTTPCODES_CONFIG"))
        (fixture (getenv "HTTPCODES_FIXTURE")))
    (unless (and config (file-readable-p config))
      (httpcodes-test--abort "HTTPCODES_CONFIG %S is not a readable file" config))
    (unless (and fixture (file-readable-p fixture))
      (httpcodes-test--abort "HTTPCODES_FIXTURE %S is not a readable file" fixture))
    (unless (executable-find "httpcodes")
      (httpcodes-test--abort "httpcodes is not on PATH"))
    (httpcodes-test--log "emacs %s, config %s" emacs-version (file-name-nondirectory config))

    ;; What Emacs does before reading an init file: activate installed
    ;; packages (eglot, use-package), so their autoloads are in place.
    (package-activate-all)
    (when (string-match-p "use-package" config)
      ;; Emacs 29 has use-package built in; on 28 it is a package.
      (require 'use-package))
    ;; go-mode is a package the machine may not have; a stand-in mode of the
    ;; same name is enough for Eglot (it only needs the mode and its hook).
    (unless (fboundp 'go-mode)
      (define-derived-mode go-mode prog-mode "Go")
      (add-to-list 'auto-mode-alist '("\\.go\\'" . go-mode)))
    (setq eldoc-echo-area-use-multiline-p t)

    ;; The config, exactly as a user's init file loads it.
    (load (expand-file-name config) nil t)

    (find-file fixture)
    (switch-to-buffer (current-buffer)) ; displayed, as Eglot's hover wants
    (httpcodes-test--check (eq major-mode 'go-mode) "the fixture opens in go-mode"
                           "major mode is %s" major-mode)
    ;; The config's hook runs `eglot-ensure', which connects after the
    ;; command that visited the file: run the end of that command.
    (run-hooks 'post-command-hook)
    (unless (httpcodes-test--wait (lambda () (and (fboundp 'eglot-current-server)
                                                 (eglot-current-server)))
                                  "Eglot connects to the server the config names")
      (httpcodes-test--abort "no Eglot server for %s; the config's hook or entry did not apply" fixture))
    (let* ((server (eglot-current-server))
           (command (process-command (jsonrpc--process server))))
      (httpcodes-test--check (and (string-suffix-p "httpcodes" (car command))
                                  (equal (cdr command) '("serve")))
                             "Eglot started `httpcodes serve' from the config"
                             "command %S" command)
      (httpcodes-test--check (equal (plist-get (eglot--server-info server) :name) "httpcodes")
                             "the server says it is httpcodes"
                             "serverInfo %S" (eglot--server-info server)))

    ;; Diagnostics: exactly the two findings `httpcodes check' reports.
    (httpcodes-test--check (bound-and-true-p flymake-mode) "flymake is on in the buffer")
    (let ((diags (httpcodes-test--wait
                  (lambda () (let ((d (httpcodes-test--diagnostics))) (and (= (length d) 2) d)))
                  "two flymake diagnostics arrive")))
      (when diags
        (cl-destructuring-bind ((l1 c1 t1 m1) (l2 c2 t2 m2)) diags
          (httpcodes-test--check
           (and (= l1 10) (= c1 16) (eq t1 'eglot-note)
                (string-prefix-p "httpcodes [prefer-constant]: 207 is 207 Multi-Status" m1))
           "diagnostic 10:16 prefer-constant (hint)" "got %S" (car diags))
          (httpcodes-test--check
           (and (= l2 15) (= c2 31) (eq t2 'eglot-error)
                (string-prefix-p "httpcodes [redirect-status]: http.Redirect with 200 OK" m2))
           "diagnostic 15:31 redirect-status (error)" "got %S" (cadr diags)))))

    ;; Hover, through the function Eldoc calls.
    (httpcodes-test--goto 10 17)
    (let (hover)
      (eglot-hover-eldoc-function (lambda (info &rest _) (setq hover (or info ""))))
      (when (httpcodes-test--wait (lambda () hover) "hover on 207 answers")
        ;; The page's title line, not a mention: 208's page names 207 too.
        (httpcodes-test--check (string-match-p "\\`[# ]*207 Multi-Status\n" hover)
                               "hover on 207 is the page of 207 Multi-Status" "hover was %S" hover)
        ;; "When to Use" is in the full page only: the config's
        ;; :initializationOptions (:hover "full") reached the server.
        (httpcodes-test--check (string-match-p "When to Use" hover)
                               "hover is the full page (the config's settings arrived)"
                               "hover was %S" hover)))

    ;; A quick fix: Eglot's own command, applied to the buffer.
    (httpcodes-test--goto 10 16)
    (let ((beg (point)))
      (condition-case err
          (eglot-code-actions beg (+ beg 3) "quickfix" t)
        (error (httpcodes-test--check nil "the quick fix on 207 runs" "%s" (error-message-string err)))))
    (httpcodes-test--check
     (equal (save-excursion (httpcodes-test--goto 10 1)
                            (buffer-substring (point) (line-end-position)))
            "\tw.WriteHeader(http.StatusMultiStatus)")
     "the quick fix rewrote 207 as http.StatusMultiStatus"
     "line 10 is %S" (save-excursion (httpcodes-test--goto 10 1)
                                     (buffer-substring (point) (line-end-position))))
    ;; The edit went to the server: its diagnostics follow the new text.
    (httpcodes-test--wait
     (lambda () (equal (mapcar (lambda (d) (car d)) (httpcodes-test--diagnostics)) '(15)))
     "after the fix only the redirect-status diagnostic remains")

    ;; Completion after `http.Status', through completion-at-point.
    (httpcodes-test--goto 10 1)
    (end-of-line)
    (insert "\n\t_ = http.Status")
    (let* ((capf (eglot-completion-at-point))
           (start (nth 0 capf))
           (prefix (and capf (buffer-substring-no-properties start (nth 1 capf))))
           (cands (and capf (all-completions prefix (nth 2 capf))))
           (chosen (car (member "StatusMultiStatus" cands)))
           (exit (plist-get (nthcdr 3 capf) :exit-function)))
      (httpcodes-test--check (equal prefix "Status") "completion starts at the word after http."
                             "prefix %S" prefix)
      (httpcodes-test--check chosen
                             "completion after http.Status offers StatusMultiStatus"
                             "%d candidates: %S" (length cands) (mapcar #'substring-no-properties cands))
      (httpcodes-test--check (member "StatusNotFound" cands)
                             "completion after http.Status offers StatusNotFound")
      (when (and chosen exit)
        ;; Choose it as completion-in-region does: replace the prefix with
        ;; the candidate, then let Eglot finish (it applies the textEdit).
        (delete-region start (point))
        (insert chosen)
        (funcall exit chosen 'finished)
        (httpcodes-test--check
         (equal (buffer-substring-no-properties (line-beginning-position) (line-end-position))
                "\t_ = http.StatusMultiStatus")
         "choosing it writes http.StatusMultiStatus"
         "line is %S" (buffer-substring-no-properties (line-beginning-position) (line-end-position)))))

    (set-buffer-modified-p nil)
    (httpcodes-test--finish)))

(condition-case err
    (httpcodes-test--run)
  (error (httpcodes-test--abort "error: %s" (error-message-string err))))

;;; eglot-test.el ends here
