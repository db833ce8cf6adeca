;;; httpcodes-eglot.el --- httpcodes with Eglot, plain form  -*- lexical-binding: t; -*-

;; Put this in your init file (or `load' it from there).  It needs Eglot:
;; built into Emacs 29 and later; on Emacs 28, M-x package-install RET eglot,
;; or on Debian and Ubuntu `apt install elpa-eglot'.  `httpcodes' must be on
;; `exec-path' (go install github.com/httpcodes/httpcodes/cmd/httpcodes@latest).
;;
;; Eglot runs one server per buffer: in the modes below httpcodes takes the
;; place of the language's own server (gopls, pyright, ...).  Keep in the list
;; only the modes where you want httpcodes; leave out the others.

(defvar httpcodes-eglot-modes
  '(go-mode go-ts-mode
    js-mode js-ts-mode typescript-mode typescript-ts-mode tsx-ts-mode
    python-mode python-ts-mode
    java-mode java-ts-mode
    kotlin-mode kotlin-ts-mode
    csharp-mode csharp-ts-mode
    rust-mode rust-ts-mode
    ruby-mode ruby-ts-mode
    php-mode php-ts-mode
    yaml-mode yaml-ts-mode
    json-mode json-ts-mode js-json-mode
    nginx-mode)
  "Major modes whose buffers Eglot connects to httpcodes.")

(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               `(,httpcodes-eglot-modes
                 . ("httpcodes" "serve"
                    ;; The server's settings (README.md, "The language server").
                    :initializationOptions
                    (:hover "full"
                     :inlayHints (:titles t :numbers t)
                     :completion (:insert "constant")
                     :rules (:prefer-constant "hint")
                     :docsUrl "https://httpcodes.dev")))))

;; Start Eglot when a file in one of those modes is opened.
(dolist (mode httpcodes-eglot-modes)
  (add-hook (intern (format "%s-hook" mode)) #'eglot-ensure))

;;; httpcodes-eglot.el ends here
