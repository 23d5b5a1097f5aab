<#--
  Default LaTeX table: a fragment for \input{tables/<id>.tex}. Output format LaTeX: every ${...} of plain
  text is escaped; cell.tex and title.tex are LaTeX built by the plugin (escaped text or a raw: label).
  Preamble: \usepackage{booktabs} \usepackage{threeparttable}, and \usepackage{siunitx} for siunitx: true.
-->
<#assign t = table>
<#macro inner c><#if c.type == "num">${c.open}<#if c.sign == "-">$-$</#if>${c.abs}${c.close}<#if c.stars?has_content>\sym{${c.stars}}</#if><#else>${c.tex}</#if></#macro>
<#macro scell c><#if c.open?has_content>{${c.open}}</#if>${c.sign}${c.plainAbs}<#if c.close?has_content || c.stars?has_content>{${c.close}<#if c.stars?has_content>\sym{${c.stars}}</#if>}</#if></#macro>
<#macro cell c><#if c.span gt 1>\multicolumn{${c.span}}{c}{<@inner c/>}<#elseif c.stub || !t.siunitx || t.align[c.col - 1] != "d"><@inner c/><#elseif c.type == "num" && c.numeric && c.decimal><@scell c/><#elseif c.type == "empty"><#else>\multicolumn{1}{c}{<@inner c/>}</#if></#macro>
<#macro row r><#list r.cells as c><@cell c/><#sep> & </#sep></#list> \\
</#macro>
% Table ${t.id}, written by repro-maven-plugin. Preamble: \usepackage{booktabs}, \usepackage{threeparttable}<#if t.siunitx>, \usepackage{siunitx}</#if>
\providecommand{\sym}[1]{\ifmmode^{#1}\else\(^{#1}\)\fi}
\begin{table}[htbp]
\centering
\begin{threeparttable}
<#if t.number??>\renewcommand{\thetable}{${t.number}}\addtocounter{table}{-1}% the title's own number, not the next one
</#if>
\caption{${t.caption.tex}}
\label{tab:${t.id?no_esc}}
\begin{tabular}{@{}l<#list t.align as a><#if a == "d"><#if t.siunitx>S[table-format=${t.sformats[a?index]},table-align-text-pre=false,table-align-text-post=false,table-space-text-pre={(},table-space-text-post={)\sym{***}},group-digits=integer,group-separator={,},group-minimum-digits=4]<#else>c</#if><#else>${a}</#if></#list>@{}}
\toprule
<#list t.header as r>
<@row r/>
<#if r.cmidrules?has_content>
<#list r.cmidrules as m>\cmidrule(lr){${m}}</#list>
</#if>
</#list>
\midrule
<#list t.body as r>
<#if r.rule>
\midrule
</#if>
<@row r/>
</#list>
\bottomrule
\end{tabular}
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
\end{table}
