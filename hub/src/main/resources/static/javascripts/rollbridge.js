// GOV.UK Frontend's behaviour (such as radios that reveal a follow-up question) where the browser runs modules;
// without it every page still works, showing the follow-up questions all the time.
import { initAll } from '/javascripts/govuk-frontend.min.js'

document.body.classList.add('govuk-frontend-supported')
initAll()
