<#--
  Default LaTeX table: a fragment for \input{tables/<id>.tex}. Output format LaTeX: every ${...} of plain
  text is escaped; cell.tex and title.tex are LaTeX built by the plugin (escaped text or a raw: label).
  Preamble: \usepackage{booktabs} \usepackage{threeparttable}, \usepackage{siunitx} for siunitx: true and
  \usepackage{rotating} for landscape: true.
  Fitting the text block (docs/tables.md): the rows are kept in \reproRows and measured; the table is set with
  its natural column widths if they fit \linewidth, else with the stub and text columns wrapped (p columns
  sharing the width left), else the same at a smaller font (auto), or at the one table.layout.fontSize.
-->
<#assign t = table>
<#assign lay = t.layout!{"landscape": false, "fontSize": "auto"}>
<#assign pos = "b">
<#macro lines c>\begin{tabular}[${pos}]{@{}c@{}}<#list c.lines as l>${l}<#sep>\\</#sep></#list>\end{tabular}</#macro>
<#macro inner c><#if c.type == "num">${c.open}<#if c.sign == "-">$-$</#if>${c.abs}${c.close}<#if c.stars?has_content>\sym{${c.stars}}</#if><#elseif c.lines??><@lines c/><#else>${c.tex}</#if></#macro>
<#macro scell c><#if c.open?has_content>{${c.open}}</#if>${c.sign}${c.plainAbs}<#if c.close?has_content || c.stars?has_content>{${c.close}<#if c.stars?has_content>\sym{${c.stars}}</#if>}</#if></#macro>
<#macro cell c><#if c.span gt 1>\multicolumn{${c.span}}{c}{<@inner c/>}<#elseif c.stub || t.align[c.col - 1] == "l"><#if c.type != "empty">\reproText{<@inner c/>}</#if><#elseif !t.siunitx || t.align[c.col - 1] != "d"><@inner c/><#elseif c.type == "num" && c.numeric && c.decimal><@scell c/><#elseif c.type == "empty"><#else>\multicolumn{1}{c}{<@inner c/>}</#if></#macro>
<#macro row r><#list r.cells as c><@cell c/><#sep> & </#sep></#list> \\
</#macro>
<#macro dspec a i><#if a == "d"><#if t.siunitx>S[table-format=${t.sformats[i]},table-align-text-pre=false,table-align-text-post=false,table-space-text-pre={${t.sspace[i][0]}},table-space-text-post={${t.sspace[i][1]}},group-digits=integer,group-separator={,},group-minimum-digits=4]<#else>c</#if><#else>${a}</#if></#macro>
<#macro fit size force>\reproFit{<#if size == "small">\small<#elseif size == "footnotesize">\footnotesize\setlength{\tabcolsep}{4pt}<#elseif size == "scriptsize">\scriptsize\setlength{\tabcolsep}{2pt}<#elseif size == "normalsize">\normalsize</#if>}{${force}}</#macro>
<#assign float = lay.landscape?then("sidewaystable", "table")>
% Table ${t.id}, written by repro-maven-plugin. Preamble: \usepackage{booktabs}, \usepackage{threeparttable}<#if t.siunitx>, \usepackage{siunitx}</#if><#if lay.landscape>, \usepackage{rotating}</#if>
\providecommand{\sym}[1]{\ifmmode^{#1}\else\(^{#1}\)\fi}
\providecommand{\reproWidth}[1]{\the\dimexpr#1\dimen0\relax}
\providecommand{\reproText}[1]{\raggedright\hspace{0pt}#1}% \hspace: the first word may hyphenate too
\providecommand{\reproTabular}[1]{\begin{tabular}{#1}\reproRows\end{tabular}}
% \reproFit{font}{force}: unless an earlier font fitted, measure the table at this font with its natural
% columns, then with the wrapped ones (measured empty) in the width left; force (1) takes this font whatever the width
\providecommand{\reproFit}[2]{\ifx\reproSize\relax
\setbox0\hbox{#1\expandafter\reproTabular\expandafter{\reproNatural}}%
\ifdim\wd0>\linewidth
\dimen0=0pt\edef\reproCols{\reproWrapped}%
\setbox0\hbox{#1\def\reproText##1{}\expandafter\reproTabular\expandafter{\reproCols}}%
\setbox2\hbox{#1\kern\reproMinEm em}\dimen0=\linewidth\advance\dimen0 by -\wd0
\ifdim\dimen0<\wd2 \ifnum#2=1 \dimen0=\wd2 \def\reproSize{#1}\edef\reproCols{\reproWrapped}\fi
\else\def\reproSize{#1}\edef\reproCols{\reproWrapped}\fi
\else\def\reproSize{#1}\let\reproCols\reproNatural\fi\fi}
\begin{${float}}<#if !lay.landscape>[htbp]</#if>
\centering
\def\reproRows{%
\toprule
<#list t.header as r>
<@row r/>
<#if r.cmidrules?has_content>
<#list r.cmidrules as m>\cmidrule(lr){${m}}</#list>
</#if>
</#list>
\midrule
<#assign pos = "t">
<#list t.body as r>
<#if r.rule>
\midrule
</#if>
<@row r/>
</#list>
\bottomrule}%
\def\reproNatural{@{}l<#list t.align as a><@dspec a a?index/></#list>@{}}%
\def\reproWrapped{@{}p{\reproWidth{${t.wrap[0]}}}<#list t.align as a><#if a == "l">p{\reproWidth{${t.wrap[a?index + 1]}}}<#else>\unexpanded{<@dspec a a?index/>}</#if></#list>@{}}%
\def\reproMinEm{${t.wrapMinEm}}\let\reproSize\relax
<#if lay.fontSize == "auto"><@fit "" 0/><@fit "small" 0/><@fit "footnotesize" 0/><@fit "scriptsize" 1/><#else><@fit lay.fontSize 1/></#if>%
\begin{threeparttable}
<#if t.number??>\renewcommand{\thetable}{${t.number}}\addtocounter{table}{-1}% the title's own number, not the next one
</#if>
\caption{${t.caption.tex}}
\label{tab:${t.id?no_esc}}
\expandafter\def\csname TPT@begintabhook\endcsname{\csname TPT@begintabbox\endcsname\reproSize}% the font inside the table, not the caption
\expandafter\reproTabular\expandafter{\reproCols}
<#if t.notes?has_content>
\begin{tablenotes}[flushleft]
\footnotesize
\raggedright
<#list t.notes as n>
\item ${n.tex}
</#list>
\end{tablenotes}
</#if>
\end{threeparttable}
\end{${float}}
