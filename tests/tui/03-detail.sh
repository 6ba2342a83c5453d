# The detail view: Enter on a pattern of the ranking shows what it is,
# best for, tools, pros, cons, the sketch or principles, every rule that
# fired with its direction (for or against) and why, the requirements
# it meets, the vetoes with their reasons, and the
# precedents that chose it;
# the arrows go to the neighbouring patterns; Esc goes back.

start 120 40 --rules tests/kb/mini.yaml tui --answers tests/tui/mini.yaml
keys r
see ranking-focus "Enter details"
keys Enter
see detail-title "Stream (how data is processed)"
not_see detail-title-no-id "(stream,"
# Ranked among the processing patterns only; the organisation apart.
see detail-rank "Rank 1 of 2, score 88, strong"
see detail-summary "Event by event"
see detail-why "Why it ranks here"
not_see detail-why-no-scale "scale"
not_see detail-why-no-evidence "evidence +"
see detail-rule-effect "for      Only streaming is fast enough."
not_see detail-no-rule-id "[fast]"
not_see detail-no-weight "+3.0"
see detail-negative-rule "against  Money is tight."
see detail-keys "Esc back"
not_see detail-no-precedents "Who chose it"
keys Right
see detail-veto-title "Batch (how data is processed)"
see detail-veto "Only streaming is fast enough."
not_see detail-veto-no-id "[fast]"
see detail-vetoed-rules "for      Money is tight."
keys Right
see detail-org-title "Mesh (how the organisation owns its data)"
see detail-org-apart "Decided apart from processing, score 50, fair"
not_see detail-org-no-rank "Rank 3"
keys Escape
see detail-back "Enter details"

# The stock knowledge base: everything the seed says about a pattern.
start 120 40 tui --answers tests/tui/stock.yaml
keys r
keys Enter
see stock-detail-best-for "Best for"
see stock-detail-tools "Typical tools"
see stock-detail-pros "Pros"
see stock-detail-cons "Cons"
see stock-detail-why "Why it ranks here"
see stock-detail-requirements "Requirements met:"
# Last, the public case studies that chose it, nearest first.
keys End
see stock-detail-precedents "Who chose it in a similar situation"
see stock-detail-precedent "Grab (2025)"
keys Home
# detail_to TEXT: Right through the patterns until the title shows TEXT,
# waiting for each move to be drawn before the next.
detail_to() {
	m=0
	while [ $m -lt 6 ] && ! screen | sed -n 4p | grep -qF "$1"; do
		title=$(screen | sed -n 4p)
		keys Right
		wait_gone "$title"
		m=$((m + 1))
	done
}
# Lambda has an architecture sketch; Data Mesh has principles.
detail_to "Lambda Architecture (how"
see stock-detail-sketch "Architecture sketch"
detail_to "Data Mesh (how the organisation"
see stock-detail-principles "Domain Ownership"
keys Escape r
see stock-detail-back "Enter answer"

# A pattern that meets a requirement only at a stretch says so, with why.
start 120 40 tui --answers tests/tui/stretch.yaml
see stretch-ranking-says " stretched"
keys r
keys Enter
detail_to " Batch Processing (how"
see stretch-detail-heading "Meets a requirement only at a stretch"
see stretch-detail-why "Even an hourly schedule leaves data"
