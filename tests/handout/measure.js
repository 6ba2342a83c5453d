// Measures a handout as Chromium lays it out, for tests/html-check.sh:
// the smallest type of any visible text (in points), the lowest contrast
// of text against the background behind it, and of each bar of the chart
// against its track (WCAG 2.1: 4.5:1 for text, 3:1 for graphics). Writes
// one line into a pre element of id "measure", which --dump-dom prints.
(function () {
	function rgba(s) {
		var m = s.match(/[\d.]+/g) || [];
		return m.map(Number).concat(m.length < 4 ? [1] : []);
	}
	function lum(c) {
		var a = c.slice(0, 3).map(function (v) {
			v /= 255;
			return v <= 0.03928 ? v / 12.92 :
			    Math.pow((v + 0.055) / 1.055, 2.4);
		});
		return 0.2126 * a[0] + 0.7152 * a[1] + 0.0722 * a[2];
	}
	function ratio(a, b) {
		var x = lum(a), y = lum(b);
		return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
	}
	function behind(e) {
		for (; e; e = e.parentElement) {
			var c = rgba(getComputedStyle(e).backgroundColor);
			if (c[3] > 0)
				return c;
		}
		return [255, 255, 255, 1];
	}
	var minpt = 1e9, text = 1e9, gfx = 1e9, nbars = 0, ntext = 0, bad = [];
	var all = document.body.querySelectorAll('*');
	for (var i = 0; i < all.length; i++) {
		var e = all[i], own = false;
		for (var n = e.firstChild; n; n = n.nextSibling)
			if (n.nodeType === 3 && n.nodeValue.trim() !== '')
				own = true;
		if (!own || e.getClientRects().length === 0)
			continue;
		var cs = getComputedStyle(e);
		var pt = parseFloat(cs.fontSize) * 0.75;
		var r = ratio(rgba(cs.color), behind(e));
		ntext++;
		minpt = Math.min(minpt, pt);
		text = Math.min(text, r);
		if (pt < 9.995 || r < 4.5)
			bad.push(e.tagName.toLowerCase() + ' ' + pt.toFixed(1) +
			    'pt ' + r.toFixed(2) + ':1 "' +
			    e.textContent.trim().slice(0, 30) + '"');
	}
	var bars = document.querySelectorAll('.bar');
	for (i = 0; i < bars.length; i++) {
		r = ratio(rgba(getComputedStyle(bars[i]).backgroundColor),
		    behind(bars[i].parentElement));
		nbars++;
		gfx = Math.min(gfx, r);
		if (r < 3)
			bad.push('bar ' + r.toFixed(2) + ':1');
	}
	var out = document.createElement('pre');
	out.id = 'measure';
	out.textContent = 'texts=' + ntext + ' minpt=' + minpt.toFixed(2) +
	    ' text=' + text.toFixed(2) + ' bars=' + nbars + ' graphics=' +
	    gfx.toFixed(2) + ' bad=' + bad.join(' | ');
	document.body.appendChild(out);
})();
