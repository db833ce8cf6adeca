;;; httpcodes-eglot-use-package.el --- httpcodes with Eglot, use-package form  -*- lexical-binding: t; -*-

;; Put this in your init file.  use-package is built into Emacs 29 and later;
;; on Emacs 28, M-x package-install RET use-package (Debian and Ubuntu:
;; `apt install elpa-use-package elpa-eglot').  `httpcodes' must be on
;; `exec-path' (go install github.com/httpcodes/httpcodes/cmd/httpcodes@latest).
;;
;; Eglot runs one server per buffer: in the modes below httpcodes takes the
;; place of the language's own server (gopls, pyright, ...).  Keep in both
;; lists only the modes where you want httpcodes.

(use-package eglot
  :hook ((go-mode go-ts-mode
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
         . eglot-ensure)
  :config
  (add-to-list 'eglot-server-programs
               '((go-mode go-ts-mode
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
                 . ("httpcodes" "serve"
                    ;; The server's settings (README.md, "The language server").
                    :initializationOptions
                    (:hover "full"
                     :inlayHints (:titles t :numbers t)
                     :completion (:insert "constant")
                     :rules (:prefer-constant "hint")
                     :docsUrl "https://httpcodes.dev")))))

;;; httpcodes-eglot-use-package.el ends here
